using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// An upload as the multipart transport leaves it: a real file, complete, in the uploads root's <c>.incoming</c>
/// folder; <see cref="MoveTo"/> renames it. <see cref="FailMove"/> makes the move fail with the system's own ENOSPC,
/// as on a full disk (a write to <c>/dev/full</c>, which takes no byte).
/// </summary>
public sealed class WriteTestUpload : IStoredUpload
{
    private const string FullDevice = "/dev/full";

    private WriteTestUpload(string path, string fileName, long length)
    {
        Path = path;
        FileName = fileName;
        Length = length;
    }

    /// <summary>Where the file is now.</summary>
    public string Path { get; private set; }

    public string FileName { get; }

    public string? ContentType => "application/octet-stream";

    public long Length { get; }

    long? Engine.Types.Scalars.IUploadedFile.Length => Length;

    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path)));

    public bool FailMove { get; init; }

    /// <summary>Writes <paramref name="content"/> into the test server's incoming folder under a random name.</summary>
    public static WriteTestUpload Create(string uploadFolder, string fileName, string content, bool failMove = false)
    {
        var incoming = System.IO.Path.Combine(uploadFolder, WriteFixture.Incoming);
        Directory.CreateDirectory(incoming);
        var path = System.IO.Path.Combine(incoming, Guid.NewGuid().ToString("n"));
        File.WriteAllText(path, content);
        return new WriteTestUpload(path, fileName, new FileInfo(path).Length) { FailMove = failMove };
    }

    public Stream OpenReadStream() => File.OpenRead(Path);

    public Task CompletedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BegunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RequestReadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void MoveTo(string destinationPath)
    {
        if (FailMove)
        {
            if (!File.Exists(FullDevice))
            {
                throw new InvalidOperationException($"{FullDevice} is missing: this machine cannot make the disk-full failure the test needs.");
            }

            using var full = new FileStream(FullDevice, FileMode.Open, FileAccess.Write);
            full.WriteByte(0);
            full.Flush();
            throw new InvalidOperationException($"Writing to {FullDevice} did not fail.");
        }

        File.Move(Path, destinationPath);
        Path = destinationPath;
    }

    public bool TryRenameTo(string destinationPath)
    {
        var renamed = Ipp.Graph.Storage.FileRename.TryRename(Path, destinationPath);
        Path = renamed ? destinationPath : Path;
        return renamed;
    }
}
