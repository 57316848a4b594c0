namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>
/// A problem the user can act on (the contract's <c>Error</c> interface). A feature throws it wrapped in a
/// <see cref="MutationException"/>; the mutation's resolver (<see cref="MutationConventions"/>) catches it and answers a
/// payload that lists it in <c>errors</c>, its other fields null, without a top-level error, as HotChocolate's mutation
/// conventions do. Each subclass is bound to the object type of its name; its public properties are that type's fields
/// besides <c>message</c> and <c>code</c>. Problems that are not the user's to solve in a form (not signed in, limits,
/// failures) stay top-level GraphQL errors.
/// </summary>
/// <remarks>Not an exception itself: a resolved value that is an exception is a field error in GraphQL (graphql-js).</remarks>
public abstract class MutationError(string message)
{
    /// <summary>What went wrong, for people.</summary>
    public string Message { get; } = message;

    /// <summary>The error's code (one of a feature's <c>…ErrorCodes</c>), which clients branch on.</summary>
    public abstract string Code { get; }
}
