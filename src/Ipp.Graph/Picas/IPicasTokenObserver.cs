namespace Ipp.Graph.Picas;

/// <summary>
/// What the pool's changes are handed to (the feature whose tasks the tokens are implements it). It gets every token
/// of the database, its own and others' (it tells its own by id), and the same state more than once (after a restart
/// the feed resumes at the last position stored, and the periodic reconciliation hands on what the views hold): it
/// must be idempotent. A call that throws is tried again with the same change; the feed's position moves on only
/// after the observer returned.
/// </summary>
public interface IPicasTokenObserver
{
    /// <summary>A token was written (posted, claimed, finished, reset, crashed).</summary>
    Task TokenChangedAsync(PicasTokenState token, CancellationToken cancellationToken);

    /// <summary>The document <paramref name="id"/> was deleted (a token an operator removed by hand).</summary>
    Task TokenDeletedAsync(string id, CancellationToken cancellationToken);
}
