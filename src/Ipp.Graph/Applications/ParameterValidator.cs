using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Applications;

/// <summary>
/// Checks an experiment's name, description, parameters and files against its application's definition and gives
/// the parameters to store. Rules:
/// <list type="bullet">
/// <item>Each parameter names one of the application's <see cref="Application.Fields"/> that is not an attachment;
///   each file names an attachment field.</item>
/// <item>A required field is given (a STRING with some non-blank text), or has a default; a null value counts as not
///   given, and a field not given takes its default.</item>
/// <item>Types are JSON's: STRING a string, INTEGER a whole number (5 or 5.0; the text "5" is refused: clients send
///   JSON, and a number in quotes is more likely a mistake than a convenience), FLOAT a number, SELECT one of the
///   choices' values compared as text (so 1 and "1" both match the choice "1").</item>
/// <item>min/max bound a STRING's length (Unicode characters), a number's value, an ATTACHMENT's number of files. A
///   required attachment takes at least one file; an attachment with no max takes any number (the upload limits still apply).</item>
/// <item>The name and description follow the application's <see cref="Application.NameField"/> and
///   <see cref="Application.DescriptionField"/> (problems named <c>name</c>/<c>description</c>); giving the IPP
///   catalogue's <c>experimentName</c>/<c>experimentDescription</c> in the parameters is a problem.</item>
/// </list>
/// The stored parameters: a JSON object with, in the catalogue's order, every field of <see cref="Application.Fields"/>
/// that takes a value and was given or has a default (INTEGER as a JSON integer, FLOAT a number, SELECT the choice's
/// value as a string). The parameters of experiment.json add the name and description under the catalogue's field
/// names when the catalogue defines those fields, as the portal's backends expect.
/// </summary>
public static class ParameterValidator
{
    /// <summary>Validates an experiment's parameters and files for <paramref name="application"/>.</summary>
    /// <param name="application">The application the experiment runs.</param>
    /// <param name="parameters">
    /// The parameters: a JSON object as a <see cref="JsonElement"/> (a <c>JsonElement?</c> works too) or as the engine's
    /// coerced JSON value (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>); null for none.
    /// </param>
    /// <param name="fileParameters">The parameter of each file given (one entry per file).</param>
    /// <param name="name">The experiment's name.</param>
    /// <param name="description">The experiment's description.</param>
    public static ParameterValidation Validate(
        Application application,
        object? parameters,
        IReadOnlyList<string> fileParameters,
        string? name,
        string? description)
    {
        var problems = new List<ParameterProblem>();
        // experiment.json's parameters: the name and description first, under the catalogue's fields where it has them.
        var manifest = new List<KeyValuePair<string, object>>(application.Fields.Count + 2);
        CheckValue(
            application.NameField, "the experiment's name", name, application.HasCatalogNameField ? Application.CatalogNameField : null, problems, manifest);
        CheckValue(
            application.DescriptionField,
            "the experiment's description",
            description,
            application.HasCatalogDescriptionField ? Application.CatalogDescriptionField : null,
            problems,
            manifest);
        var given = ReadParameters(parameters, problems);
        var fileProblems = new List<ParameterProblem>();
        var fileCounts = CountFiles(application, fileParameters, fileProblems);
        var stored = new List<KeyValuePair<string, object>>(application.Fields.Count);
        foreach (var field in application.Fields)
        {
            if (field.Type == ApplicationFieldType.Attachment)
            {
                CheckAttachment(field, fileCounts.GetValueOrDefault(field.Name), given, problems);
            }
            else
            {
                CheckValue(field, $"'{field.Name}'", given.GetValueOrDefault(field.Name), field.Name, problems, stored);
            }
        }

        foreach (var parameter in given.Keys)
        {
            if (application.FindField(parameter) is null)
            {
                problems.Add(new(parameter, $"unknown parameter '{parameter}'"));
            }
            else if (parameter is Application.CatalogNameField or Application.CatalogDescriptionField)
            {
                var input = parameter == Application.CatalogNameField ? "name" : "description";
                problems.Add(new(parameter, $"'{parameter}' is the experiment's {input}: give it as the experiment's {input}, not in parameters"));
            }
        }

        problems.AddRange(fileProblems);
        if (problems.Count > 0)
        {
            return new ParameterValidation(problems, null, null);
        }

        manifest.AddRange(stored);
        return new ParameterValidation(problems, Write(stored), Write(manifest));
    }

    /// <summary>
    /// Checks one value of a field that takes a value (not files): a missing one against <c>required</c> (a blank
    /// text counts as missing) or replaced by the default; a given one against the field's rules. The problem is named
    /// after the field; the value (normalised) is kept under <paramref name="storedAs"/>, unless that is null.
    /// </summary>
    private static void CheckValue(
        ApplicationField field, string subject, object? value, string? storedAs, List<ParameterProblem> problems, List<KeyValuePair<string, object>> stored)
    {
        if (value is null || (field.Required && ParameterRules.TryGetText(value, out var text) && string.IsNullOrWhiteSpace(text)))
        {
            if (field.Default is { } fallback)
            {
                // The default stands for a missing value, a required field's too (the form showed it). The reader
                // refused any default its field's rules refuse: this only normalises it.
                ParameterRules.Check(field, fallback, subject, out var normalisedDefault);
                Keep(storedAs, normalisedDefault, stored);
            }
            else if (field.Required)
            {
                problems.Add(new(field.Name, subject + " is required"));
            }

            return;
        }

        var problem = ParameterRules.Check(field, value, subject, out var normalised);
        if (problem is null)
        {
            Keep(storedAs, normalised, stored);
        }
        else
        {
            problems.Add(new(field.Name, problem));
        }
    }

    private static void Keep(string? storedAs, object value, List<KeyValuePair<string, object>> stored)
    {
        if (storedAs is not null)
        {
            stored.Add(new(storedAs, value));
        }
    }

    /// <summary>The given parameters by name, in their order; a null value is kept (it counts as not given).</summary>
    private static Dictionary<string, object?> ReadParameters(object? parameters, List<ParameterProblem> problems)
    {
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (parameters)
        {
            case null:
            case JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null }:
                break;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                foreach (var property in element.EnumerateObject())
                {
                    given[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (key, value) in map)
                {
                    given[key] = value is JsonElement { ValueKind: JsonValueKind.Null } ? null : value;
                }

                break;
            default:
                problems.Add(new("parameters", "parameters must be a JSON object"));
                break;
        }

        return given;
    }

    /// <summary>Files per attachment field; a file for anything else is a problem, once per parameter.</summary>
    private static Dictionary<string, int> CountFiles(Application application, IReadOnlyList<string> fileParameters, List<ParameterProblem> problems)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in fileParameters)
        {
            var field = application.FindField(parameter);
            if (field?.Type == ApplicationFieldType.Attachment)
            {
                counts[parameter] = counts.GetValueOrDefault(parameter) + 1;
            }
            else if (refused.Add(parameter))
            {
                problems.Add(new(parameter, field is null
                    ? $"unknown parameter '{parameter}'"
                    : $"'{parameter}' takes a value in parameters, not files"));
            }
        }

        return counts;
    }

    private static void CheckAttachment(ApplicationField field, int count, Dictionary<string, object?> given, List<ParameterProblem> problems)
    {
        if (given.ContainsKey(field.Name))
        {
            problems.Add(new(field.Name, $"'{field.Name}' takes files, not a value in parameters"));
        }

        if (count == 0 && !field.Required)
        {
            return;
        }

        var min = Math.Max(field.Min ?? 0, field.Required ? 1 : 0);
        if (count >= min && !(count > field.Max))
        {
            return;
        }

        var needs = field.Max switch
        {
            { } max when max == min => "exactly " + ParameterRules.Files(max),
            { } max when min == 0 => "at most " + ParameterRules.Files(max),
            { } max => $"{NumberText.Format(min)} to {ParameterRules.Files(max)}",
            null => "at least " + ParameterRules.Files(min),
        };
        problems.Add(new(field.Name, $"'{field.Name}' needs {needs}, not {count}"));
    }

    private static string Write(List<KeyValuePair<string, object>> stored)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in stored)
            {
                writer.WritePropertyName(key);
                ParameterRules.Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
