using System.Text.Json;
using Ipp.Graph.Experiments;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>What experimentStatusChanged refuses: another user's experiment or no experiment id, a cursor it never gave, anonymous callers.</summary>
public sealed class LiveSubscriptionErrorTests
{
    [Fact]
    public async Task Refusals_carry_their_codes_and_start_no_subscription()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var user = await LiveFixture.SignUpAsync(server);
        var stranger = await LiveFixture.SignUpAsync(server, "stranger@example.org");
        var theirs = await stranger.SeedAsync(ExperimentStatus.Submitted);
        var staging = await LiveFixture.SeedAsync(server, user.UserId, ExperimentStatus.Staging, withFolder: false);

        var notMine = await user.SubscribeAsync("ws", null, null, experimentId: theirs);
        var beingCreated = await user.SubscribeAsync("ws", null, null, experimentId: staging);
        var badCursor = await user.SubscribeAsync("ws", null, null, after: GlobalId.Encode("Experiment", 1));
        var anonymous = await user.SubscribeAsync("sse", null, null, token: "not-a-token");

        AssertError(notMine, "No experiment of yours has this id.", ExperimentsErrorCodes.ExperimentNotFound);
        AssertError(beingCreated, "No experiment of yours has this id.", ExperimentsErrorCodes.ExperimentNotFound);
        AssertError(badCursor, "`after` is not the cursor of an experiment status event.", "BAD_USER_INPUT");
        AssertError(anonymous, "Sign in first: this field needs a valid session token.", ServerErrorCodes.AuthNotAuthenticated);
        Assert.Equal(0, server.Services.GetRequiredService<Ipp.Graph.Experiments.Live.ExperimentEventHub>().CountSubscriptions(user.UserId));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task An_id_that_is_no_experiment_id_is_not_found()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var user = await LiveFixture.SignUpAsync(server);

        var userId = await user.SubscribeAsyncWithRawId(GlobalId.Encode("User", user.UserId));
        var garbage = await user.SubscribeAsyncWithRawId("%%%");

        AssertError(userId, "No experiment of yours has this id.", ExperimentsErrorCodes.ExperimentNotFound);
        AssertError(garbage, "No experiment of yours has this id.", ExperimentsErrorCodes.ExperimentNotFound);
        Assert.Empty(server.Logs.Errors);
    }

    private static void AssertError(SubscriberOutcome outcome, string message, string code)
    {
        // graphql-ws hands the error message's errors to the error callback; graphql-sse delivers them as a result.
        var errors = outcome.Error.ValueKind == JsonValueKind.Array
            ? outcome.Error
            : Assert.Single(outcome.Results).GetProperty("errors");
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("experimentStatusChanged", Assert.Single(error.GetProperty("path").EnumerateArray()).GetString());
    }
}
