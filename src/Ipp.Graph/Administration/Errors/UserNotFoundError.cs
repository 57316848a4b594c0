using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>No user has the id given (<c>USER_NOT_FOUND</c>).</summary>
public sealed class UserNotFoundError(string id) : MutationError($"No user has the id {id}: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.UserNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
