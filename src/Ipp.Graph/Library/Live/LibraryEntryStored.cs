namespace Ipp.Graph.Library.Live;

/// <summary>An entry of <paramref name="OwnerId"/>'s library was stored (its upload committed): what the instances pass on.</summary>
public sealed record LibraryEntryStored(long OwnerId, long EntryId);
