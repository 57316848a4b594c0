using System.Globalization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Picas;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>The status a token's state means for its experiment, and why (the event's reason).</summary>
public sealed record TokenStatus(ExperimentStatus Status, string? Reason)
{
    /// <summary>What the client writes in <c>lock</c> and <c>done</c> for a pilot killed while it ran the job.</summary>
    private const long Killed = -1;

    /// <summary>What the client's <c>Task.error</c> writes in <c>lock</c> and <c>done</c>.</summary>
    private const long ClientError = 99;

    /// <summary>
    /// What <paramref name="token"/> says (docs/picas.md): in <c>todo</c> (lock and done 0) SUBMITTED, claimed
    /// RUNNING, done with exit code 0 COMPLETED, done with another code or the client's error (99) FAILED, a pilot
    /// killed (lock and done -1) FAILED; null for a state the client never writes.
    /// </summary>
    public static TokenStatus? Of(PicasTokenState token) => token switch
    {
        { Lock: Killed, Done: Killed } => new(ExperimentStatus.Failed, "the pilot was killed while it ran the job"),
        { Lock: ClientError } or { Done: ClientError } => new(ExperimentStatus.Failed, "the PiCaS client marked the token as failed (99)"),
        { Lock: > 0, Done: > 0, ExitCode: 0 } => new(ExperimentStatus.Completed, "exit code 0"),
        { Lock: > 0, Done: > 0, ExitCode: { } code } => new(ExperimentStatus.Failed, "exit code " + code.ToString(CultureInfo.InvariantCulture)),
        { Lock: > 0, Done: > 0 } => new(ExperimentStatus.Failed, "the job finished without an exit code"),
        { Lock: > 0, Done: 0 } => new(ExperimentStatus.Running, token.Hostname.Length > 0 ? "claimed by a pilot on " + Shorten(token.Hostname) : "claimed by a pilot"),
        { Lock: 0, Done: 0 } => new(ExperimentStatus.Submitted, token.ScrubCount > 0 ? $"the token is waiting in the pool again (reset {token.ScrubCount.ToString(CultureInfo.InvariantCulture)} times)" : null),
        _ => null,
    };

    /// <summary>
    /// The generation of a CouchDB revision (<c>3-abc…</c> is 3), which grows with every write of the document; 0 for
    /// a revision of another form.
    /// </summary>
    public static int Generation(string revision)
    {
        var dash = revision.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(revision.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) ? generation : 0;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;
}
