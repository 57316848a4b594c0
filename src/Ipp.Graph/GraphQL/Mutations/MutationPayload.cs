namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>
/// What every mutation payload has: <c>errors</c>, null when the mutation did what it was asked, else the problems
/// that stopped it (the payload's other fields are then null).
/// </summary>
public abstract class MutationPayload
{
    /// <summary>The problems the user can act on; null on success.</summary>
    public IReadOnlyList<MutationError>? Errors { get; init; }
}
