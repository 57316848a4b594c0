namespace Ipp.Graph.Storage.Blobs;

/// <summary>What a store holds after a write: the bytes' count and their SHA-256, computed while they were written.</summary>
/// <param name="Key">Where the bytes are.</param>
/// <param name="Size">How many bytes were stored.</param>
/// <param name="Sha256">Their SHA-256, 64 lowercase hexadecimal digits.</param>
public sealed record StoredBlob(BlobKey Key, long Size, string Sha256);
