using Ipp.Graph.Applications;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>No application of the catalogue has the key (<c>APPLICATION_UNKNOWN</c>).</summary>
public sealed class ApplicationUnknownError(string application) : MutationError($"No application has the key '{application}'.")
{
    public override string Code => ApplicationsErrorCodes.ApplicationUnknown;

    /// <summary>The key that was given.</summary>
    public string Application { get; } = application;
}
