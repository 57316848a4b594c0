using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>The email is the caller's own (<c>CANNOT_SHARE_WITH_SELF</c>).</summary>
public sealed class CannotShareWithSelfError() : MutationError("That is your own email: your entries are yours already.")
{
    public override string Code => SharingErrorCodes.CannotShareWithSelf;
}
