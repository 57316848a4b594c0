namespace Ipp.Graph.Applications;

/// <summary>The outcome of <see cref="ParameterValidator.Validate"/>.</summary>
/// <param name="Problems">Every problem found, in the catalogue's field order, then unknown parameters, then files for no attachment field; empty when valid.</param>
/// <param name="ParametersJson">When valid, the parameters to store: a JSON object, normalised; null otherwise.</param>
public sealed record ParameterValidation(IReadOnlyList<ParameterProblem> Problems, string? ParametersJson)
{
    public bool IsValid => Problems.Count == 0;
}
