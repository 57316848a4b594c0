using Ipp.Graph.Applications;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>A new experiment's values break its application's definition (<c>INVALID_PARAMETERS</c>), each problem listed.</summary>
public sealed class InvalidParametersError(IReadOnlyList<ParameterProblem> problems)
    : MutationError("The experiment's values are invalid: " + string.Join("; ", problems.Select(problem => problem.Message)) + ".")
{
    public override string Code => ApplicationsErrorCodes.InvalidParameters;

    /// <summary>Each value that is wrong, and why; at most one per field.</summary>
    public IReadOnlyList<ParameterProblem> Problems { get; } = problems;
}
