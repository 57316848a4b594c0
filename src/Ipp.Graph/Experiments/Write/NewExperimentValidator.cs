using System.Text.Json;
using Ipp.Graph.Data;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Checks a new experiment's values before anything is stored: the name and description, then the application and
/// its parameters. Throws the error the client gets (<c>INVALID_PARAMETERS</c>, <c>APPLICATION_UNKNOWN</c>).
/// </summary>
public sealed class NewExperimentValidator
{
    /// <summary>The parameters to store, normalised, as a JSON object's text.</summary>
    public string Validate(CreateExperimentInput input, IReadOnlyList<string> fileParameters)
    {
        var problems = new List<(string Name, string Message)>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Add(("name", "A name is required."));
        }
        else if (input.Name.Length > IppDbContext.NameMaxLength)
        {
            problems.Add(("name", $"At most {IppDbContext.NameMaxLength} characters."));
        }

        if (input.Description is { Length: > IppDbContext.DescriptionMaxLength })
        {
            problems.Add(("description", $"At most {IppDbContext.DescriptionMaxLength} characters."));
        }

        var parameters = JsonValues.ToElement(input.Parameters);
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            problems.Add(("parameters", "The parameters must be a JSON object, by parameter name."));
        }

        if (problems.Count > 0)
        {
            throw ExperimentErrors.InvalidParameters(problems);
        }

        return parameters.ValueKind == JsonValueKind.Object ? parameters.GetRawText() : "{}";
    }
}
