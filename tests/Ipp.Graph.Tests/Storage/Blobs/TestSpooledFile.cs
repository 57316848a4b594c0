using System.Security.Cryptography;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A spooled file as the multipart transport leaves one: real bytes in a file of <paramref name="folder"/> (a local
/// store takes it by a rename when that is on its file system), with its size and SHA-256.
/// </summary>
public sealed class TestSpooledFile : ISpooledFile
{
    private TestSpooledFile(string path, byte[] bytes)
    {
        Path = path;
        Length = bytes.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Where the file is now.</summary>
    public string Path { get; private set; }

    public long Length { get; }

    public string Sha256 { get; }

    /// <summary>Writes <paramref name="bytes"/> to a new file of <paramref name="folder"/>.</summary>
    public static TestSpooledFile Create(string folder, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("n") + ".upload");
        File.WriteAllBytes(path, bytes);
        return new TestSpooledFile(path, bytes);
    }

    public Stream OpenReadStream() => File.OpenRead(Path);

    public Task CompletedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public bool TryRenameTo(string destinationPath)
    {
        var renamed = FileRename.TryRename(Path, destinationPath);
        Path = renamed ? destinationPath : Path;
        return renamed;
    }
}
