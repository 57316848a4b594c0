using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Tests.Accounts;
using Microsoft.Extensions.Options;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// The bounds on creating experiments: how many a user may keep (<c>Experiments:MaxPerUser</c>) and how often they
/// may call createExperiment (<c>Experiments:CreateRateLimit</c>).
/// </summary>
public sealed class WriteCreateLimitsTests
{
    [Fact]
    public async Task AUserKeepsAtMostMaxPerUserExperimentsAndDeletingMakesRoom()
    {
        await using var server = await StartAsync("--Experiments:MaxPerUser=3");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var first = await CreateDraftAsync(http, ada, "One");
        await CreateDraftAsync(http, ada, "Two");
        await CreateAsync(http, ada, new { application = "demo", name = "Three" });

        var refused = await CreateAsync(http, ada, new { application = "demo", name = "Four", draft = true });

        var error = refused.PayloadError("createExperiment");
        Assert.Equal("EXPERIMENT_LIMIT_REACHED", error.GetProperty("code").GetString());
        Assert.Equal(3, error.GetProperty("maxExperiments").GetInt32());
        Assert.Equal("You already have 3 experiments, the most you may keep. Delete experiments you no longer need.", error.GetProperty("message").GetString());
        Assert.Equal(3, (await RowsAsync(server)).Count);
        Assert.Equal(3, ExperimentFolders(server.UploadFolder).Count);
        Assert.Empty(EntriesOf(server, Staging));
        // Another user's count is their own.
        await CreateDraftAsync(http, bob, "Bob's");

        await http.PostAsync(Delete, new { id = IdOf(first) }, ada.Token);
        await CreateDraftAsync(http, ada, "Four");

        Assert.Equal(4, (await RowsAsync(server)).Count);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task CreateExperimentIsRateLimitedPerUser()
    {
        await using var server = await StartAsync("--Experiments:CreateRateLimit:PermitLimit=2", "--Experiments:CreateRateLimit:Window=00:10:00");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var draft = await CreateDraftAsync(http, ada, "One");
        // A refused attempt counts too: the limit is on calls, not on what they make.
        Assert.Equal("INVALID_PARAMETERS", (await CreateAsync(http, ada, new { application = "demo", name = "" })).PayloadErrorCode("createExperiment"));

        var refused = await CreateAsync(http, ada, new { application = "demo", name = "Three", draft = true });

        var error = refused.PayloadError("createExperiment");
        Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        var retryAfter = error.GetProperty("retryAfter").GetInt32();
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal($"Too many experiments created: try again in {retryAfter} seconds.", error.GetProperty("message").GetString());
        Assert.Single(await RowsAsync(server));
        // Other users and the user's other mutations are not limited.
        await CreateDraftAsync(http, bob, "Bob's");
        Assert.Equal("SUBMITTED", (await http.PostAsync(Submit, new { id = IdOf(draft) }, ada.Token)).Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task TheDefaultsAreAThousandExperimentsAndThirtyCreationsAMinute()
    {
        await using var server = await StartAsync();

        var options = server.Services.GetRequiredService<IOptions<ExperimentQuotaOptions>>().Value;

        Assert.Equal((1000, 30, TimeSpan.FromMinutes(1)), (options.MaxPerUser, options.CreateRateLimit.PermitLimit, options.CreateRateLimit.Window));
    }

    [Theory]
    [InlineData("--Experiments:MaxPerUser=0", "Experiments:MaxPerUser must be 1 or more; it is 0.")]
    [InlineData("--Experiments:CreateRateLimit:PermitLimit=0", "Experiments:CreateRateLimit:PermitLimit must be 1 or more and Experiments:CreateRateLimit:Window positive.")]
    [InlineData("--Experiments:CreateRateLimit:Window=00:00:00", "Experiments:CreateRateLimit:PermitLimit must be 1 or more and Experiments:CreateRateLimit:Window positive.")]
    public async Task ASettingOutOfRangeStopsTheStart(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(setting));

        Assert.Contains(message, failure.ToString());
    }
}
