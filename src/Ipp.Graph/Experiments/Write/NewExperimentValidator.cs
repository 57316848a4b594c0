using Ipp.Graph.Applications;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Checks a new experiment's values before anything is stored: the application exists (else
/// <see cref="ApplicationUnknownError"/>); the name, description, parameters and files follow the application's
/// definition (<see cref="ParameterValidator"/>; the name and description also fit the database). Every problem found
/// is reported at once (<see cref="InvalidParametersError"/>).
/// </summary>
public sealed class NewExperimentValidator
{
    private readonly ApplicationCatalog _catalog;

    public NewExperimentValidator(ApplicationCatalog catalog) => _catalog = catalog;

    /// <summary>The parameters to store and those of experiment.json, normalised.</summary>
    public ParameterValidation Validate(CreateExperimentInput input, IReadOnlyList<string> fileParameters)
    {
        var application = _catalog.Find(input.Application) ?? throw new MutationException(new ApplicationUnknownError(input.Application));
        var validation = ParameterValidator.Validate(application, input.Parameters, fileParameters, input.Name, input.Description);
        return validation.IsValid ? validation : throw new MutationException(new InvalidParametersError(validation.Problems));
    }
}
