namespace Ipp.Graph.Applications;

/// <summary>The outcome of <see cref="ParameterValidator.Validate"/>.</summary>
/// <param name="Problems">Every problem found: the name and description first, then the fields in the catalogue's order, unknown parameters, files for no attachment field; empty when valid.</param>
/// <param name="ParametersJson">When valid, the parameters to store and show: a JSON object, normalised; null otherwise.</param>
/// <param name="ManifestParametersJson">When valid, the parameters experiment.json gives the backend: the same, with the name and description under the catalogue's field names where it defines them; null otherwise.</param>
public sealed record ParameterValidation(IReadOnlyList<ParameterProblem> Problems, string? ParametersJson, string? ManifestParametersJson)
{
    public bool IsValid => Problems.Count == 0;
}
