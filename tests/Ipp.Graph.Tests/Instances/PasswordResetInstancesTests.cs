using Ipp.Graph.Accounts.PasswordReset;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Accounts.PasswordReset;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// On PostgreSQL a reset link holds for every instance: asked for through one, used through another, it ends the
/// user's session where it lives, and works once in total.
/// </summary>
public sealed class PasswordResetInstancesTests
{
    [PostgreSqlFact]
    public async Task A_link_asked_for_on_one_instance_and_used_on_another_ends_the_session_everywhere_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var a = await AccountsServer.StartAsync(smtp.Settings);
        await using var b = await AccountsServer.StartAsync([.. smtp.Settings, a.Database.Setting, "--Server:InstanceId=second"]);
        using var throughA = new GraphQLHttp(a);
        using var throughB = new GraphQLHttp(b);
        var graphqlA = new InProcessGraphQL(a);
        var session = await throughA.CreateUserAsync("ada@example.org");
        var subscription = await graphqlA.SubscribeAsync("subscription { sessionEnded { reason } }", await graphqlA.CallerAsync(session));
        await using var events = subscription.Stream!.GetAsyncEnumerator();
        var next = events.MoveNextAsync();

        await ResetMails.RequestAsync(throughA, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(smtp, "ada@example.org");
        (await throughB.PostAsync(ResetMails.Reset, new { token, password = "new staple horse" })).Data("resetPassword").GetProperty("email");

        Assert.True(await next);
        Assert.Contains("\"reason\":\"PASSWORD_RESET\"", events.Current.ToJson(), StringComparison.Ordinal);
        Assert.Null(await throughA.MeAsync(session));
        Assert.Equal(
            PasswordResetErrorCodes.TokenInvalid,
            (await throughA.PostAsync(ResetMails.Reset, new { token, password = "third password here" })).PayloadErrorCode("resetPassword"));
        await throughA.AuthenticateAsync("ada@example.org", "new staple horse");
        Assert.Empty(a.Logs.Errors);
        Assert.Empty(b.Logs.Errors);
    }
}
