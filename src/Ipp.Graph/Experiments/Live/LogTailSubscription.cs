using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Picas;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Live;

/// <summary>One event of <c>experimentLog</c> (the <c>ExperimentLogChunk</c> type).</summary>
/// <param name="ExperimentId">The experiment's database id.</param>
/// <param name="Name">The log's name: <c>job.log</c>, or the token's attachment.</param>
/// <param name="Offset">The byte of the log <paramref name="Text"/> starts at.</param>
/// <param name="NextOffset">The byte after it: where the next chunk starts, and the <c>from</c> to resume at.</param>
/// <param name="Text">The log's bytes from <paramref name="Offset"/> to <paramref name="NextOffset"/> as UTF-8 text.</param>
/// <param name="Final">True on the last event, which carries no text: the experiment no longer waits or runs, and the whole log was delivered.</param>
public sealed record ExperimentLogChunk(long ExperimentId, string Name, long Offset, long NextOffset, string Text, bool Final);

/// <summary>
/// <c>Subscription.experimentLog(id, from)</c>: what a job's log holds from byte <c>from</c> on, then what is appended
/// while the experiment waits or runs, in chunks of at most <see cref="LiveFilesOptions.MaxLogChunkBytes"/> bytes cut
/// between UTF-8 characters (<see cref="LogTailReader"/>); once it neither waits nor runs, the rest of the log, then a
/// last event (<c>final</c>) and the end of the stream. Folder route: the contract's <c>job.log</c> at the top of the
/// experiment's folder, read wherever the folder is now. Token route: the attachment the stock PiCaS client gives the
/// job's standard output (<c>logs_&lt;token&gt;.out</c>), read from the pool at each revision of the token this
/// instance's changes feed reports, and at each tick; the stock client attaches it only when the job ends, so the
/// tail then comes at once, whole. A log is appended, never rewritten: a log shorter than the offset gives nothing.
/// </summary>
internal static class LogTailSubscription
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .Subscribe("Subscription.experimentLog", SubscribeAsync)
            .BindType<ExperimentLogChunk>("ExperimentLogChunk")
            .Resolve("ExperimentLogChunk.experimentId", context => new(GlobalId.Encode(ExperimentsSchema.TypeName, context.ParentAs<ExperimentLogChunk>().ExperimentId)));
    }

    /// <summary>The name the stock PiCaS client gives the attachment of a job's standard output.</summary>
    public static string TokenLogName(string tokenId) => $"logs_{tokenId}.out";

    private static async ValueTask<IAsyncEnumerable<object?>> SubscribeAsync(ResolveContext context)
    {
        var experiment = await LiveFilesSchema.FindAsync(context);
        var from = context.GetArgument<long?>("from") ?? 0;
        if (from < 0)
        {
            throw new GraphQLError("`from` is a byte offset: 0 or more.", code: ErrorCodes.BadUserInput);
        }

        var services = LiveFilesSchema.Services(context);
        var follower = LiveFilesFollower.Open(experiment, services);
        return LiveFilesSchema.Releasing(Stream(experiment, from, follower, services, CancellationToken.None), follower);
    }

    private static async IAsyncEnumerable<object?> Stream(
        LiveExperiment experiment, long from, LiveFilesFollower follower, IServiceProvider services, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        follower.Start(services, cancellationToken);
        var maxBytes = services.GetRequiredService<IOptions<LiveFilesOptions>>().Value.MaxLogChunkBytes;
        var couch = services.GetService<CouchDbClient>();
        var name = experiment.TokenId is { } tokenId ? TokenLogName(tokenId) : ExperimentFolder.LogName;
        var offset = from;
        var status = experiment.Status;
        while (await follower.WaitAsync())
        {
            if (await follower.StatusAsync(status) is not { } now)
            {
                yield break; // Deleted.
            }

            status = now;
            var last = !LiveFilesFollower.IsFollowed(status);
            var folder = experiment.TokenId is null ? follower.Folder(status) : null;
            var whole = true;
            while (true)
            {
                var piece = experiment.TokenId is null
                    ? folder is null ? LogTailReader.Nothing : LogTailReader.ReadFile(Path.Combine(folder, name), offset, maxBytes, last)
                    : couch is null ? LogTailReader.Nothing : await LogTailReader.ReadAttachmentAsync(couch, experiment.TokenId, name, offset, maxBytes, last);
                if (piece is null)
                {
                    whole = false; // The pool cannot be read now: the next look tries again.
                    break;
                }

                if (piece.Bytes == 0)
                {
                    break;
                }

                yield return new ExperimentLogChunk(experiment.Id, name, offset, offset + piece.Bytes, piece.Text, Final: false);
                offset += piece.Bytes;
            }

            if (last && whole)
            {
                yield return new ExperimentLogChunk(experiment.Id, name, offset, offset, "", Final: true);
                yield break;
            }
        }
    }
}
