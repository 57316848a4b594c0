using Microsoft.Data.Sqlite;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// A test class whose tests each get a database of their own (<see cref="TestDatabase"/>) in a folder of their own,
/// made before the test and removed after it.
/// </summary>
public abstract class DatabaseInFolder : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Database = await TestDatabase.CreateAsync(Folder);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
