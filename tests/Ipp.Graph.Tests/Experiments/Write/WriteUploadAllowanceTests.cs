using System.Security.Claims;
using Ipp.Graph.Accounts;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Transport.Multipart;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>The per-user quota as the multipart transport asks it (<see cref="IUploadAllowance"/>) before storing files.</summary>
public sealed class WriteUploadAllowanceTests
{
    [Fact]
    public async Task ASignedInCallerMayUploadWhatTheirStoredExperimentsLeaveOfTheQuota()
    {
        await using var server = await StartAsync("--Experiments:MaxUserBytes=10000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var allowance = server.Services.GetRequiredService<IUploadAllowance>();
        var caller = await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(ada.Token, CancellationToken.None);

        Assert.Equal(new UploadAllowance(10000), await allowance.GetAsync(caller, CancellationToken.None));

        var upload = WriteTestUpload.Create(server.UploadFolder, "a.nii", "six b.");
        var withFile = await server.Services.GetRequiredService<ExperimentWriter>().CreateAsync(
            await CallerAsync(server, ada), new CreateExperimentInput("demo", "One", null, null, [new ExperimentFileInput("images", upload)], true), CancellationToken.None);
        var draft = await CreateDraftAsync(http, ada, "A draft without files");

        // What the experiments store, not only their files: experiment.json and the texts count too.
        var rows = await RowsAsync(server);
        Assert.Equal(StoredBytesOf(rows[0], FolderOf(server, ada.Id, "editing", withFile.Id)), rows[0].StoredBytes);
        Assert.Equal(StoredBytesOf(rows[1], FolderOf(server, ada.Id, "editing", draft)), rows[1].StoredBytes);
        Assert.Equal(new UploadAllowance(10000 - rows.Sum(row => row.StoredBytes)), await allowance.GetAsync(caller, CancellationToken.None));
    }

    [Fact]
    public async Task TheDefaultQuotaIsTenGibibytes()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var caller = await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(ada.Token, CancellationToken.None);

        var allowance = await server.Services.GetRequiredService<IUploadAllowance>().GetAsync(caller, CancellationToken.None);

        Assert.Equal(10L * 1024 * 1024 * 1024, allowance.RemainingBytes);
        Assert.Null(allowance.Refusal);
    }

    [Fact]
    public async Task AnAnonymousCallerOrAnEndedSessionIsRefused()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var caller = await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(ada.Token, CancellationToken.None);
        await http.PostAsync(Operations.Logout, token: ada.Token);
        var allowance = server.Services.GetRequiredService<IUploadAllowance>();

        foreach (var principal in new[] { new ClaimsPrincipal(new ClaimsIdentity()), caller })
        {
            var refused = await allowance.GetAsync(principal, CancellationToken.None);

            Assert.Equal(0, refused.RemainingBytes);
            Assert.Equal("AUTH_NOT_AUTHENTICATED", refused.Refusal!.Extensions!["code"]);
        }
    }
}
