namespace Ipp.Graph.Library.Live;

/// <summary>The announcements of a server alone on its database (SQLite): straight to this process's hub.</summary>
public sealed class InProcessLibraryEntryAnnouncements(StoredEntryHub hub) : ILibraryEntryAnnouncements
{
    public Task StoredAsync(LibraryEntryStored stored, CancellationToken cancellationToken)
    {
        hub.Publish(stored);
        return Task.CompletedTask;
    }
}
