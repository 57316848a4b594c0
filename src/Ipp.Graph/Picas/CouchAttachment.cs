namespace Ipp.Graph.Picas;

/// <summary>The first bytes of a document's attachment, and whether it holds more than were read.</summary>
public sealed record CouchAttachment(byte[] Content, bool Truncated);
