using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The user has no session to end (<c>NO_SESSION</c>).</summary>
public sealed class NoSessionError() : MutationError("The user is not signed in: there is no session to end.")
{
    public override string Code => AdministrationErrorCodes.NoSession;
}
