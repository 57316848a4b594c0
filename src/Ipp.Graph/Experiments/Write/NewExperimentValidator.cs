using Ipp.Graph.Applications;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Checks a new experiment's values before anything is stored: the application exists (else
/// <see cref="ApplicationUnknownError"/>); the name, description, parameters and files follow the application's
/// definition (<see cref="ParameterValidator"/>; the name and description also fit the database). Every problem found
/// is reported at once (<see cref="InvalidParametersError"/>), with those of the files' sources
/// (<see cref="ExperimentInputSources"/>).
/// </summary>
public sealed class NewExperimentValidator
{
    private readonly ApplicationCatalog _catalog;

    public NewExperimentValidator(ApplicationCatalog catalog) => _catalog = catalog;

    /// <summary>The catalogue's application with this key, else <see cref="ApplicationUnknownError"/>.</summary>
    public Application Find(string key) => _catalog.Find(key) ?? throw new MutationException(new ApplicationUnknownError(key));

    /// <summary>The parameters to store and those of experiment.json, normalised.</summary>
    /// <param name="input">The new experiment.</param>
    /// <param name="fileParameters">The parameter of each file given.</param>
    /// <param name="sourceProblems">What is wrong with where files come from, found before.</param>
    public ParameterValidation Validate(CreateExperimentInput input, IReadOnlyList<string> fileParameters, IReadOnlyList<ParameterProblem> sourceProblems)
    {
        var application = Find(input.Application);
        var validation = ParameterValidator.Validate(application, input.Parameters, fileParameters, input.Name, input.Description);
        return validation.IsValid && sourceProblems.Count == 0
            ? validation
            : throw new MutationException(new InvalidParametersError([.. validation.Problems, .. sourceProblems]));
    }
}
