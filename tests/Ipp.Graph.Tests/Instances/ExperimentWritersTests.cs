using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Npgsql;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// Writers of one experiment on two instances cannot interleave: a submission waits while a writer on another
/// instance holds the experiment (its advisory lock, as PostgreSqlExperimentsInFlight takes it), and goes on once
/// that instance lets go, or dies.
/// </summary>
public sealed class ExperimentWritersTests
{
    [PostgreSqlFact]
    public async Task A_submission_waits_for_the_writer_of_another_instance_and_goes_on_when_it_dies()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);

        Task<GraphQLResponse> submit;
        await using (var otherInstance = new NpgsqlConnection(server.Database.ConnectionString + ";Pooling=false"))
        {
            await otherInstance.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlExperimentsInFlight.LockClass}, {eid})", otherInstance))
            {
                await take.ExecuteNonQueryAsync();
            }

            Assert.True(await server.Services.GetRequiredService<IExperimentsInFlight>().IsInFlightAsync(eid, CancellationToken.None));
            submit = http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(submit.IsCompleted);
            Assert.Equal(ExperimentStatus.Editing, Assert.Single(await RowsAsync(server)).Status);
        }

        // The other instance's connection is gone, and its lock with it.
        var submitted = await submit;
        Assert.Equal("SUBMITTED", submitted.Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
        Assert.False(await server.Services.GetRequiredService<IExperimentsInFlight>().IsInFlightAsync(eid, CancellationToken.None));
        Assert.Empty(server.Logs.Errors);
    }

    [PostgreSqlFact]
    public async Task Every_experiment_id_has_a_lock_of_its_own()
    {
        await using var server = await StartAsync();
        var inFlight = server.Services.GetRequiredService<IExperimentsInFlight>();
        const long Large = (1L << 40) + 7;

        await using (await inFlight.BeginAsync(Large, CancellationToken.None))
        {
            Assert.True(await inFlight.IsInFlightAsync(Large, CancellationToken.None));
            Assert.False(await inFlight.IsInFlightAsync(7, CancellationToken.None));
            Assert.False(await inFlight.IsInFlightAsync(Large + (1L << 31), CancellationToken.None));
        }

        Assert.False(await inFlight.IsInFlightAsync(Large, CancellationToken.None));
    }
}
