using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using static Ipp.Graph.Tests.Experiments.Drafts.DraftsFixture;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>
/// An edit of a draft caught by a crash at each point where its folders are between two states: the recovery at start
/// keeps the folder the database describes (the edit committed or not) in the draft's place and removes the rest.
/// </summary>
public sealed class DraftEditRecoveryTests
{
    private enum CrashPoint
    {
        /// <summary>The new folder assembled, the database not yet changed.</summary>
        Assembled,

        /// <summary>The draft's folder moved aside, the new one not yet in its place.</summary>
        Halfway,

        /// <summary>Both folders swapped, the transaction not committed.</summary>
        SwappedNotCommitted,

        /// <summary>Committed, the old folder not yet removed.</summary>
        CommittedNotCleaned,
    }

    [Fact]
    public async Task The_recovery_keeps_the_folder_the_database_describes_at_each_point_of_an_edit()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var staging = Path.Combine(server.UploadFolder, Staging);
        var expected = new Dictionary<long, List<string>>();
        foreach (var point in Enum.GetValues<CrashPoint>())
        {
            var created = await WriteMultipart.CreateAsync(
                client, ada.Token, new { application = "demo", name = $"Draft {point}", draft = true },
                new WriteMultipart.FilePart("images", "a.bin", Encoding.UTF8.GetBytes("a")));
            var eid = EidOf(created.Data("createExperiment").GetProperty("experiment"));
            var draft = FolderOf(server, ada.Id, "editing", eid);
            var id = eid.ToString(CultureInfo.InvariantCulture);
            expected[eid] = StateOf(draft);
            // The other folder: what the database does not describe (a name it does not hold, a file it does not list).
            var other = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
            CopyFolder(draft, other);
            File.WriteAllText(Path.Combine(other, "b.bin"), "b");
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(other, "experiment.json")))!;
            manifest["name"] = "Not what the database says";
            File.WriteAllText(Path.Combine(other, "experiment.json"), manifest.ToJsonString());
            switch (point)
            {
                case CrashPoint.Assembled:
                    Directory.Move(other, Path.Combine(staging, id + ".edit"));
                    break;
                case CrashPoint.Halfway:
                    Directory.Move(draft, Path.Combine(staging, id + ".replaced"));
                    Directory.Move(other, Path.Combine(staging, id + ".edit"));
                    break;
                case CrashPoint.SwappedNotCommitted:
                    Directory.Move(draft, Path.Combine(staging, id + ".replaced"));
                    Directory.Move(other, draft);
                    break;
                case CrashPoint.CommittedNotCleaned:
                    Directory.Move(other, Path.Combine(staging, id + ".replaced"));
                    break;
            }
        }

        await server.Services.GetRequiredService<StagingRecovery>().RecoverAsync(CancellationToken.None);

        foreach (var (eid, state) in expected)
        {
            Assert.Equal(state, StateOf(FolderOf(server, ada.Id, "editing", eid)));
        }

        Assert.Equal(4, ExperimentFolders(server.UploadFolder).Count);
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(server.Logs.Errors);
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
