using Ipp.Graph.Picas;
using Ipp.Graph.Picas.Entities;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// How posting a QUEUED experiment's token to the pool is going once an attempt failed (the <c>TokenDelivery</c>
/// type): how many failed, the kind of the last failure, and when the server tries next. The pool's own words and
/// address stay in the log (<c>picas_outbox.last_failure</c>): the owner learns what kind of trouble it is, not where.
/// </summary>
public sealed record TokenDelivery(int Attempts, TokenDeliveryFailure LastFailure, DateTime NextAttemptAt)
{
    /// <summary>The delivery of a waiting outbox row with at least one failed attempt; null for any other.</summary>
    public static TokenDelivery? Of(PicasOutboxEntry entry) =>
        entry.PostedAt is null && entry.Attempts > 0 ? new(entry.Attempts, FailureOf(entry.LastFailure), entry.NextAttemptAt) : null;

    /// <summary>The kind of failure the worker recorded as <c>{outcome}: {reason}</c>.</summary>
    private static TokenDeliveryFailure FailureOf(string? lastFailure)
    {
        var outcome = lastFailure?.Split(':', 2)[0];
        return Enum.TryParse<CouchOutcome>(outcome, out var parsed) ? parsed switch
        {
            CouchOutcome.Unreachable => TokenDeliveryFailure.Unreachable,
            CouchOutcome.Unauthorized => TokenDeliveryFailure.Unauthorized,
            CouchOutcome.ServerError => TokenDeliveryFailure.ServerError,
            CouchOutcome.InvalidResponse => TokenDeliveryFailure.InvalidResponse,
            _ => TokenDeliveryFailure.Refused,
        } : TokenDeliveryFailure.Refused;
    }
}

/// <summary>The kind of the last failed attempt to post a token (the <c>TokenDeliveryFailure</c> enum).</summary>
public enum TokenDeliveryFailure
{
    /// <summary>The pool did not answer (down, or too slow).</summary>
    Unreachable,

    /// <summary>The pool refused the server's credentials.</summary>
    Unauthorized,

    /// <summary>The pool failed (a 5xx).</summary>
    ServerError,

    /// <summary>The pool answered something that is not CouchDB's JSON.</summary>
    InvalidResponse,

    /// <summary>The pool refused the token itself.</summary>
    Refused,
}
