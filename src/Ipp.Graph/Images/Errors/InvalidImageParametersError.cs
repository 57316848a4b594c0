using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>Some parameter definitions are refused (<c>INVALID_IMAGE_PARAMETERS</c>); <see cref="Problems"/> lists each.</summary>
public sealed class InvalidImageParametersError(IReadOnlyList<ImageParameterProblem> problems)
    : MutationError(problems.Count == 1 ? problems[0].Message : $"{problems.Count} parameter definitions are refused: {string.Join(" ", problems.Select(p => p.Message))}")
{
    public override string Code => ImagesErrorCodes.InvalidImageParameters;

    /// <summary>Every problem found, in the order of the parameters given.</summary>
    public IReadOnlyList<ImageParameterProblem> Problems { get; } = problems;
}
