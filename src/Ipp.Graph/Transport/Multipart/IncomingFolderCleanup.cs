using Ipp.Graph.Storage;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// Empties <see cref="UploadFolder.IncomingPath"/>, this instance's own, when the server starts: what is there was
/// left by this instance stopping midway through a request (a crash, a kill), since every request deletes its own
/// files. The other instances' uploads in flight are in their own folders. The folder of versions from before
/// (<see cref="UploadFolder.LegacyIncomingPath"/>) is removed with what it holds.
/// </summary>
public sealed partial class IncomingFolderCleanup : IHostedService
{
    private readonly UploadFolder _folder;
    private readonly ILogger<IncomingFolderCleanup> _logger;

    public IncomingFolderCleanup(UploadFolder folder, ILogger<IncomingFolderCleanup> logger)
    {
        _folder = folder;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        if (Directory.Exists(_folder.LegacyIncomingPath))
        {
            removed += Directory.GetFileSystemEntries(_folder.LegacyIncomingPath).Length;
            Directory.Delete(_folder.LegacyIncomingPath, recursive: true);
        }

        foreach (var entry in new DirectoryInfo(_folder.IncomingPath).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            removed++;
        }

        if (removed > 0)
        {
            LogRemoved(_logger, removed, _folder.IncomingPath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} unfinished uploads left in {Path}.")]
    private static partial void LogRemoved(ILogger logger, int count, string path);
}
