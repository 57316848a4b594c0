namespace Ipp.Graph.Library.Live;

/// <summary>
/// Where "an entry was stored" is raised: the uploader calls it once the entries' transaction committed. It reaches
/// the owner's <c>libraryEntryStored</c> subscribers on every instance serving the database: in process on SQLite
/// (<see cref="InProcessLibraryEntryAnnouncements"/>), by PostgreSQL's NOTIFY on PostgreSQL
/// (<see cref="PostgreSqlLibraryEntryAnnouncements"/>). Live only: the entries' rows are the durable record.
/// </summary>
public interface ILibraryEntryAnnouncements
{
    Task StoredAsync(LibraryEntryStored stored, CancellationToken cancellationToken);
}
