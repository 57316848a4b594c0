using System.Text;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Picas;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>One log a pilot attached to an experiment's token (the <c>ExperimentLog</c> type).</summary>
/// <param name="Name">The attachment's name (<c>logs_&lt;token&gt;.out</c> in the client's examples).</param>
/// <param name="Text">Its first <c>Picas:MaxLogBytes</c> bytes as UTF-8 text (a character cut at the end, or not UTF-8, shows as U+FFFD).</param>
/// <param name="Truncated">True when the log holds more than was read.</param>
public sealed record ExperimentLog(string Name, string Text, bool Truncated);

/// <summary>
/// The logs of an experiment that runs through the pool, read from its token when asked (never stored by the
/// server): every attachment, in name order, each bounded by <see cref="PicasOptions.MaxLogBytes"/>. A pool that does
/// not answer is a field error (<c>TOKEN_POOL_UNAVAILABLE</c>); a token not (yet, or no longer) in the pool has none.
/// </summary>
public sealed class ExperimentLogs(IOptions<PicasOptions> options, CouchDbClient? couch = null)
{
    public async Task<IReadOnlyList<ExperimentLog>> ReadAsync(string tokenId, CancellationToken cancellationToken)
    {
        if (couch is null)
        {
            return [];
        }

        var token = await couch.GetDocumentAsync(tokenId, cancellationToken);
        if (token.Outcome == CouchOutcome.NotFound)
        {
            return [];
        }

        if (!token.IsOk || PicasTokenState.Read(token.Value!) is not { } state)
        {
            throw Unavailable(token.IsOk ? "the token is not one the PiCaS client reads" : token.ToString());
        }

        var logs = new List<ExperimentLog>(state.Logs.Count);
        foreach (var name in state.Logs)
        {
            var attachment = await couch.GetAttachmentAsync(tokenId, name, offset: 0, options.Value.MaxLogBytes, cancellationToken);
            if (attachment.Outcome == CouchOutcome.NotFound)
            {
                continue;
            }

            var content = attachment.IsOk ? attachment.Value! : throw Unavailable(attachment.ToString());
            logs.Add(new ExperimentLog(name, Encoding.UTF8.GetString(content.Content), content.Truncated));
        }

        return logs;
    }

    private static GraphQLError Unavailable(string reason) =>
        new($"The token pool could not be read ({reason}); try again later.", code: ExperimentsErrorCodes.TokenPoolUnavailable);
}
