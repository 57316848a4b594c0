namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Called by a store as the bytes of a write arrive, with the count received so far, before that chunk is stored: a
/// quota or size limit checked on the way. Throwing refuses the write: the store removes what it had written and
/// rethrows the exception as it was, so the caller gets its own error back.
/// </summary>
public delegate void BlobWriteProgress(long bytesSoFar);
