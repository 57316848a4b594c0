using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// A signed-in user of a real server, with experiments seeded straight into its database and folders that the
/// test moves as the backend would; and what a subscriber (an npm client run by node) received.
/// </summary>
public sealed class LiveFixture
{
    /// <summary>How long a test waits for something the server does before failing (a guard, not a timing assertion).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private LiveFixture(RunningServer server, string email, string token, long userId)
    {
        Server = server;
        Email = email;
        Token = token;
        UserId = userId;
    }

    public RunningServer Server { get; }

    public string Email { get; }

    public string Token { get; }

    public long UserId { get; }

    public string GraphQLUrl => new Uri(Server.Address, "graphql").ToString();

    /// <summary>Signs <paramref name="email"/> up on <paramref name="server"/>.</summary>
    public static async Task<LiveFixture> SignUpAsync(RunningServer server, string email = "live@example.org")
    {
        var token = await AccountsClient.SignUpAsync(server, email);
        await using var db = await Databases(server).CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new LiveFixture(server, email, token, userId);
    }

    /// <summary>Signs in again (on a restarted server): the same user, a new token.</summary>
    public static async Task<LiveFixture> SignInAsync(RunningServer server, string email)
    {
        var token = await AccountsClient.SignInAsync(server, email);
        await using var db = await Databases(server).CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new LiveFixture(server, email, token, userId);
    }

    public static IDbContextFactory<IppDbContext> Databases(RunningServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>();

    /// <summary>Inserts an experiment of <paramref name="userId"/> in <paramref name="status"/>, with its folder (and a file in it) unless told not to.</summary>
    public static async Task<long> SeedAsync(RunningServer server, long userId, ExperimentStatus status, bool withFolder = true)
    {
        await using var db = await Databases(server).CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var experiment = new Experiment
        {
            UserId = userId,
            ApplicationKey = "demo",
            Name = "seeded",
            ParametersJson = "{}",
            Status = status,
            StatusChangedAt = now,
            CreatedAt = now,
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        if (withFolder)
        {
            var folder = FolderOf(server, userId, status, experiment.Id);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "experiment.json"), "{}");
        }

        return experiment.Id;
    }

    public Task<long> SeedAsync(ExperimentStatus status) => SeedAsync(Server, UserId, status);

    public static string FolderOf(RunningServer server, long userId, ExperimentStatus status, long experimentId) =>
        FolderOf(server.Services.GetRequiredService<UploadFolder>().Root, userId, status, experimentId);

    /// <summary>An experiment's folder under the uploads root <paramref name="root"/> (also while no server runs).</summary>
    public static string FolderOf(string root, long userId, ExperimentStatus status, long experimentId) =>
        Path.Combine(root, userId.ToString(), status.ToName(), experimentId.ToString());

    public string FolderOf(ExperimentStatus status, long experimentId) => FolderOf(Server, UserId, status, experimentId);

    /// <summary>Moves the experiment's folder to another namespace by a rename, as a backend on the same file system does.</summary>
    public static void Rename(RunningServer server, long userId, long experimentId, ExperimentStatus from, ExperimentStatus to)
    {
        var target = FolderOf(server, userId, to, experimentId);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(FolderOf(server, userId, from, experimentId), target);
    }

    public void Rename(long experimentId, ExperimentStatus from, ExperimentStatus to) => Rename(Server, UserId, experimentId, from, to);

    /// <summary>Moves the folder as IPP's backend did: creates the new one, copies the files in, deletes the old one.</summary>
    public void CopyThenDelete(long experimentId, ExperimentStatus from, ExperimentStatus to)
    {
        var source = FolderOf(from, experimentId);
        var target = FolderOf(to, experimentId);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(target, "result.txt"), "output");
        Directory.Delete(source, recursive: true);
    }

    /// <summary>The experiment's status in the database.</summary>
    public static async Task<ExperimentStatus> StatusAsync(RunningServer server, long experimentId)
    {
        await using var db = await Databases(server).CreateDbContextAsync();
        return await db.Experiments.Where(e => e.Id == experimentId).Select(e => e.Status).SingleAsync();
    }

    public Task<ExperimentStatus> StatusAsync(long experimentId) => StatusAsync(Server, experimentId);

    /// <summary>The experiment's recorded events, oldest first.</summary>
    public static async Task<List<ExperimentEvent>> EventsAsync(RunningServer server, long experimentId)
    {
        await using var db = await Databases(server).CreateDbContextAsync();
        return await db.ExperimentEvents.AsNoTracking().Where(e => e.ExperimentId == experimentId).OrderBy(e => e.Id).ToListAsync();
    }

    public Task<List<ExperimentEvent>> EventsAsync(long experimentId) => EventsAsync(Server, experimentId);

    /// <summary>Waits until the database says the experiment is in <paramref name="status"/>.</summary>
    public static async Task WaitForStatusAsync(RunningServer server, long experimentId, ExperimentStatus status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await StatusAsync(server, experimentId) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for experiment {experimentId} to become {status}.");
            await Task.Delay(20);
        }
    }

    public Task WaitForStatusAsync(long experimentId, ExperimentStatus status) => WaitForStatusAsync(Server, experimentId, status);

    /// <summary>Waits until the server logged <paramref name="message"/> at <paramref name="level"/>.</summary>
    public static Task WaitForLogAsync(RunningServer server, LogLevel level, string message) =>
        server.Logs.WaitForAsync(e => e.Level == level && e.Message == message, message);

    /// <summary>Waits until the user has <paramref name="count"/> live subscriptions on the server's hub.</summary>
    public async Task WaitForSubscribersAsync(int count)
    {
        var hub = Server.Services.GetRequiredService<ExperimentEventHub>();
        var deadline = DateTime.UtcNow + Patience;
        while (hub.CountSubscriptions(UserId) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {count} subscriptions.");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the user has no live subscription left (each ended stream released its hub subscription).</summary>
    public async Task WaitForNoSubscribersAsync()
    {
        var hub = Server.Services.GetRequiredService<ExperimentEventHub>();
        var deadline = DateTime.UtcNow + Patience;
        while (hub.CountSubscriptions(UserId) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for the subscriptions to end ({hub.CountSubscriptions(UserId)} left).");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Starts a subscriber (node, <c>tests/js/live/status-events.mjs</c>) on <paramref name="transport"/> ("ws" or
    /// "sse") that collects events until one says experiment <paramref name="untilExperimentId"/> reached
    /// <paramref name="untilStatus"/>.
    /// </summary>
    public Task<SubscriberOutcome> SubscribeAsync(
        string transport, long? untilExperimentId, ExperimentStatus? untilStatus, long? experimentId = null, string? after = null, string? token = null) =>
        RunSubscriberAsync(
            transport,
            untilExperimentId is { } until ? GlobalId.Encode("Experiment", until) : "-",
            untilStatus is { } status ? status.ToName().ToUpperInvariant() : "-",
            experimentId is { } id ? GlobalId.Encode("Experiment", id) : "-",
            after ?? "-",
            token ?? Token);

    /// <summary>Subscribes over a WebSocket with <paramref name="id"/> as given, for refusals.</summary>
    public Task<SubscriberOutcome> SubscribeAsyncWithRawId(string id) => RunSubscriberAsync("ws", "-", "-", id, "-", Token);

    private Task<SubscriberOutcome> RunSubscriberAsync(string transport, string until, string untilStatus, string id, string after, string token) =>
        Task.Run(() =>
        {
            var output = NodeRunner.Run(
                "live/status-events.mjs",
                "",
                transport,
                GraphQLUrl,
                token,
                until,
                untilStatus,
                id,
                after);
            using var document = JsonDocument.Parse(output);
            return new SubscriberOutcome(document.RootElement.Clone());
        });
}

/// <summary>What a subscriber printed: the results it received and the error that ended it, if any.</summary>
public sealed record SubscriberOutcome(JsonElement Output)
{
    public JsonElement Error => Output.GetProperty("error");

    public IReadOnlyList<JsonElement> Results => [.. Output.GetProperty("events").EnumerateArray()];

    /// <summary>The events received, as "experimentId previous->status" lines (global ids decoded to eids).</summary>
    public IReadOnlyList<string> Changes => [.. Results.Select(result => Describe(result.GetProperty("data").GetProperty("experimentStatusChanged")))];

    /// <summary>The cursor of the <paramref name="index"/>th event.</summary>
    public string CursorAt(int index) =>
        Results[index].GetProperty("data").GetProperty("experimentStatusChanged").GetProperty("cursor").GetString()!;

    public static string Describe(JsonElement change)
    {
        Assert.True(GlobalId.TryDecode(change.GetProperty("experimentId").GetString()!, "Experiment", out var eid));
        var previous = change.GetProperty("previousStatus").ValueKind == JsonValueKind.Null ? "null" : change.GetProperty("previousStatus").GetString();
        return $"{eid} {previous}->{change.GetProperty("status").GetString()}";
    }
}
