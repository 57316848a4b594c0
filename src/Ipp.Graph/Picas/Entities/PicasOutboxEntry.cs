namespace Ipp.Graph.Picas.Entities;

/// <summary>
/// A token waiting to be posted to the pool (table <c>picas_outbox</c>): written by the caller in the same transaction
/// as what the token stands for, posted by <see cref="PicasOutboxWorker"/>, then kept with its <see cref="PostedAt"/>.
/// </summary>
public sealed class PicasOutboxEntry
{
    /// <summary>The token's document id, derived from what it stands for, so a second post finds the first.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>The token's document as JSON (<see cref="PicasTokenDocument"/>).</summary>
    public string Document { get; set; } = "";

    /// <summary>How many posts failed so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the worker may (try to) post it next (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>When the pool was found to hold it (UTC); null while waiting.</summary>
    public DateTime? PostedAt { get; set; }

    /// <summary>Why the last post failed (the pool's typed failure), for the operator; null once posted.</summary>
    public string? LastFailure { get; set; }

    public DateTime CreatedAt { get; set; }
}
