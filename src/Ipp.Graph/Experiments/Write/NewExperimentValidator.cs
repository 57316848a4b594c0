using Ipp.Graph.Applications;
using Ipp.Graph.Data;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Checks a new experiment's values before anything is stored: the application exists (else
/// <c>APPLICATION_UNKNOWN</c>); the name and description fit the database; the parameters and files follow the
/// application's definition (<see cref="ParameterValidator"/>, which also checks the name and description against
/// the catalogue's <c>experimentName</c>/<c>experimentDescription</c> fields). Every problem found is reported at
/// once (<c>INVALID_PARAMETERS</c>), at most one per name.
/// </summary>
public sealed class NewExperimentValidator
{
    private readonly ApplicationCatalog _catalog;

    public NewExperimentValidator(ApplicationCatalog catalog) => _catalog = catalog;

    /// <summary>The parameters to store, normalised, as a JSON object's text.</summary>
    public string Validate(CreateExperimentInput input, IReadOnlyList<string> fileParameters)
    {
        var application = _catalog.Find(input.Application) ?? throw ExperimentErrors.ApplicationUnknown(input.Application);
        var problems = new List<ParameterProblem>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Add(new("name", "the experiment's name is required"));
        }
        else if (input.Name.Length > IppDbContext.NameMaxLength)
        {
            problems.Add(new("name", $"the experiment's name must be at most {IppDbContext.NameMaxLength} characters"));
        }

        if (input.Description is { Length: > IppDbContext.DescriptionMaxLength })
        {
            problems.Add(new("description", $"the experiment's description must be at most {IppDbContext.DescriptionMaxLength} characters"));
        }

        var validation = ParameterValidator.Validate(application, input.Parameters, fileParameters, input.Name, input.Description);
        foreach (var problem in validation.Problems)
        {
            if (!problems.Exists(known => known.Name == problem.Name))
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw ExperimentErrors.InvalidParameters(problems);
        }

        return validation.ParametersJson!;
    }
}
