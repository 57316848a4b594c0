namespace Ipp.Graph.Data;

/// <summary>
/// A PostgreSQL notification channel a feature listens on (<see cref="PostgreSqlNotifications"/>); registered as a
/// service of this type.
/// </summary>
public interface IPostgreSqlChannel
{
    /// <summary>The channel's name (<c>LISTEN</c>, <c>pg_notify</c>): lower case, no quoting needed.</summary>
    string Name { get; }

    /// <summary>Handles one notification's payload, as sent by any instance (this one too).</summary>
    void Receive(string payload);

    /// <summary>
    /// Called after the listening connection was lost and made again: the notifications sent meanwhile are lost, so
    /// what they would have changed is read from the database instead.
    /// </summary>
    Task CatchUpAsync(CancellationToken cancellationToken);
}
