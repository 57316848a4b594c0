using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>No grant of the caller's has the id (<c>SHARE_NOT_FOUND</c>).</summary>
public sealed class ShareNotFoundError(string id) : MutationError($"No grant of yours has the id '{id}'.")
{
    public override string Code => SharingErrorCodes.ShareNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
