namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>Carries a <see cref="MutationError"/> from where it is found up to the mutation's resolver.</summary>
public sealed class MutationException(MutationError error) : Exception(error.Message)
{
    /// <summary>The problem, as the payload's <c>errors</c> will list it.</summary>
    public MutationError Error { get; } = error;
}
