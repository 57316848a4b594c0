using System.Threading.Channels;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// What wakes one <c>experimentOutputs</c> or <c>experimentLog</c> subscription to look again at its experiment: the
/// owner's status events (the instances' bus carries them, <see cref="ExperimentEventHub"/>), its folder's inotify
/// watch (<see cref="OutputsFolderWatches"/>, folder route), its token's revisions (<see cref="LogTailTokenObserver"/>,
/// token route) and a timer (<see cref="LiveFilesOptions.PollInterval"/>) for what none of them reports. Wake-ups that
/// come while the subscription is busy are one: it reads the current state each time, never a change's details, so
/// nothing one instance saw is needed by another. The status is read from the database after a status event or a
/// tick (a deleted experiment shows there only), not at every file change.
/// </summary>
internal sealed class LiveFilesFollower : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly LiveExperiment _experiment;
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly UploadFolder _uploads;
    private readonly List<IDisposable> _held = [];
    private OutputsFolderWatches.Watch? _watch;
    private int _statusCheck = 1;

    private LiveFilesFollower(LiveExperiment experiment, IServiceProvider services)
    {
        _experiment = experiment;
        _databases = services.GetRequiredService<IDbContextFactory<IppDbContext>>();
        _uploads = services.GetRequiredService<UploadFolder>();
    }

    /// <summary>
    /// Prepares the follower of <paramref name="experiment"/>: a folder of a waiting or running experiment takes one of
    /// the <see cref="LiveFilesOptions.MaxFolderWatches"/> places now (none free: the error
    /// <see cref="ExperimentsErrorCodes.LiveFilesLimitReached"/>, nothing held); the rest starts with <see cref="Start"/>.
    /// </summary>
    public static LiveFilesFollower Open(LiveExperiment experiment, IServiceProvider services)
    {
        var follower = new LiveFilesFollower(experiment, services);
        if (experiment.TokenId is null && IsFollowed(experiment.Status))
        {
            var watches = services.GetRequiredService<OutputsFolderWatches>();
            follower._watch = watches.TryTake(follower.Wake) ?? throw new GraphQLError(
                "This server follows as many experiment folders as it may at once; try again later.",
                code: ExperimentsErrorCodes.LiveFilesLimitReached);
            follower._held.Add(follower._watch);
        }

        return follower;
    }

    /// <summary>Whether a subscription follows an experiment in <paramref name="status"/>: it waits or runs; any other ends the stream.</summary>
    public static bool IsFollowed(ExperimentStatus status) => status is ExperimentStatus.Submitted or ExperimentStatus.Running;

    /// <summary>Starts hearing of changes, until <paramref name="cancellationToken"/> (the subscriber left) or <see cref="Dispose"/>.</summary>
    public void Start(IServiceProvider services, CancellationToken cancellationToken)
    {
        var events = services.GetRequiredService<ExperimentEventHub>().Subscribe(_experiment.UserId);
        _held.Add(events);
        _ = PumpAsync(events);
        if (_experiment.TokenId is not null)
        {
            _held.Add(services.GetRequiredService<LogTailTokenObserver>().Listen(_experiment.Id, Wake));
        }

        var interval = services.GetRequiredService<IOptions<LiveFilesOptions>>().Value.PollInterval;
        _held.Add(new Timer(static state => ((LiveFilesFollower)state!).StatusChanged(), this, interval, interval));
        // Completing the channel ends the wait below as any end does: waiting with the token would throw instead.
        _held.Add(cancellationToken.Register(static state => ((Channel<bool>)state!).Writer.TryComplete(), _wake));
        Wake();
    }

    /// <summary>Waits for the next wake-up (at once for the first); false when the subscriber left.</summary>
    public async ValueTask<bool> WaitAsync()
    {
        if (!await _wake.Reader.WaitToReadAsync())
        {
            return false;
        }

        _wake.Reader.TryRead(out _);
        return true;
    }

    /// <summary>
    /// The experiment's status when it may have changed since the last call (the first call, a status event, a tick):
    /// read from the database, null when the experiment is gone (deleted); otherwise <paramref name="known"/>.
    /// </summary>
    public async Task<ExperimentStatus?> StatusAsync(ExperimentStatus known)
    {
        if (Interlocked.Exchange(ref _statusCheck, 0) == 0)
        {
            return known;
        }

        await using var db = await _databases.CreateDbContextAsync();
        return await db.Experiments.Where(e => e.Id == _experiment.Id).Select(e => (ExperimentStatus?)e.Status).FirstOrDefaultAsync();
    }

    /// <summary>
    /// The experiment's folder now (the namespace furthest along when a backend copies it, see
    /// <see cref="UploadFolder.StatusOnDisk"/>), watched from now on while the experiment is followed; null when none.
    /// </summary>
    public string? Folder(ExperimentStatus status)
    {
        var path = _uploads.StatusOnDisk(_experiment.UserId, _experiment.Id) is { } onDisk
            ? _uploads.ExperimentPath(_experiment.UserId, onDisk, _experiment.Id)
            : null;
        _watch?.Follow(IsFollowed(status) ? path : null);
        return path;
    }

    public void Dispose()
    {
        _wake.Writer.TryComplete();
        foreach (var held in _held)
        {
            held.Dispose();
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    private void StatusChanged()
    {
        Volatile.Write(ref _statusCheck, 1);
        Wake();
    }

    /// <summary>Turns the owner's status events of this experiment (and catch-ups after a lost bus) into wake-ups.</summary>
    private async Task PumpAsync(ExperimentEventHub.Subscription events)
    {
        while (await events.Events.Reader.WaitToReadAsync())
        {
            while (events.Events.Reader.TryRead(out var change))
            {
                if (change.ExperimentId == _experiment.Id || ReferenceEquals(change, ExperimentEventHub.CatchUpMarker))
                {
                    StatusChanged();
                }
            }
        }
    }
}

/// <summary>What a live subscription needs of its experiment, read once when it starts.</summary>
internal sealed record LiveExperiment(long Id, long UserId, ExperimentStatus Status, string? TokenId);
