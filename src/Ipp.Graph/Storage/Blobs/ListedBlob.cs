namespace Ipp.Graph.Storage.Blobs;

/// <summary>A stored blob as a listing gives it: its key, and when it was last written, by the store's clock (null when the store does not say).</summary>
public sealed record ListedBlob(BlobKey Key, DateTimeOffset? LastModified);
