using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>The grant exists already (<c>ALREADY_SHARED</c>).</summary>
public sealed class AlreadySharedError() : MutationError("It is shared with them already.")
{
    public override string Code => SharingErrorCodes.AlreadyShared;
}
