using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Applications;

namespace Ipp.Graph.Images;

/// <summary>
/// An image's parameters: the definitions a maintainer gives (<see cref="ImageParameterInput"/>) checked and turned
/// into the catalogue's own fields (<see cref="ApplicationField"/>), so experiments on images are validated by the
/// catalogue's <see cref="ParameterValidator"/> (<see cref="ImageApplication"/>), and stored as JSON. Rules, each
/// problem reported with its parameter and code, all at once:
/// <list type="bullet">
/// <item>At most <c>Images:MaxParameters</c> parameters.</item>
/// <item>A key is a safe identifier (a letter or <c>_</c>, then letters, digits, <c>_</c>; at most
///   <see cref="MaxKeyLength"/>), not the catalogue's <c>experimentName</c>/<c>experimentDescription</c>, and unique
///   without regard to case (the job may see them as environment variables or options).</item>
/// <item>Labels, help, groups and choices are at most <c>Images:MaxParameterTextLength</c> characters; all but help
///   are one line. A missing label is the key; a missing group is <see cref="DefaultGroup"/>.</item>
/// <item>min and max as the catalogue's reader takes them: min ≤ max, whole and not negative for STRING (characters)
///   and ATTACHMENT (files); none for SELECT.</item>
/// <item>A SELECT has at least one choice, values unique and not empty; the other types have none.</item>
/// <item>A default follows the parameter's own rules (<see cref="ParameterRules"/>, as the catalogue's defaults do);
///   an ATTACHMENT has none.</item>
/// </list>
/// </summary>
public static class ImageParameters
{
    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>The group of a parameter given without one.</summary>
    public const string DefaultGroup = "Parameters";

    /// <summary>The fields <paramref name="inputs"/> define, in their order, or every problem found (then no fields).</summary>
    public static (IReadOnlyList<ApplicationField> Fields, IReadOnlyList<ImageParameterProblem> Problems) Read(
        IReadOnlyList<ImageParameterInput> inputs, ImagesOptions options)
    {
        if (inputs.Count > options.MaxParameters)
        {
            return ([], [new(null, ImagesErrorCodes.TooManyParameters, $"An image takes at most {options.MaxParameters} parameters; {inputs.Count} were given.")]);
        }

        var problems = new List<ImageParameterProblem>();
        var fields = new List<ApplicationField>(inputs.Count);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in inputs)
        {
            var found = problems.Count;
            CheckKey(input.Name, keys, problems);
            CheckTexts(input, options.MaxParameterTextLength, problems);
            CheckRange(input, problems);
            var choices = ReadChoices(input, problems);
            if (problems.Count > found)
            {
                continue;
            }

            var field = new ApplicationField
            {
                Name = input.Name,
                Type = input.Type,
                Label = string.IsNullOrWhiteSpace(input.Label) ? input.Name : input.Label,
                Help = string.IsNullOrEmpty(input.Help) ? null : input.Help,
                Required = input.Required,
                Group = string.IsNullOrWhiteSpace(input.Group) ? DefaultGroup : input.Group,
                Min = input.Min,
                Max = input.Max,
                Choices = choices,
            };
            if (WithDefault(field, input.Default, problems) is { } complete)
            {
                fields.Add(complete);
            }
        }

        return problems.Count > 0 ? ([], problems) : (fields, problems);
    }

    /// <summary>The fields as stored in <c>container_images.parameters</c>: a JSON array, the catalogue's field names in camelCase.</summary>
    public static string ToJson(IReadOnlyList<ApplicationField> fields) =>
        JsonSerializer.Serialize(fields, StoredParametersJson.Default.IReadOnlyListApplicationField);

    /// <summary>The fields <see cref="ToJson"/> stored.</summary>
    public static IReadOnlyList<ApplicationField> FromJson(string json) =>
        JsonSerializer.Deserialize(json, StoredParametersJson.Default.IReadOnlyListApplicationField)
            ?? throw new JsonException("An image's stored parameters are null.");

    private static void CheckKey(string key, HashSet<string> keys, List<ImageParameterProblem> problems)
    {
        if (key.Length is 0 or > MaxKeyLength || !(char.IsAsciiLetter(key[0]) || key[0] == '_') || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            problems.Add(new(key, ImagesErrorCodes.InvalidParameterKey,
                $"A parameter's key is a letter or '_' followed by letters, digits or '_', at most {MaxKeyLength} characters: '{key}' is not."));
        }
        else if (key is Application.CatalogNameField or Application.CatalogDescriptionField)
        {
            problems.Add(new(key, ImagesErrorCodes.InvalidParameterKey,
                $"'{key}' is reserved: an experiment gives its name and description as its own, not as parameters."));
        }
        else if (!keys.Add(key))
        {
            problems.Add(new(key, ImagesErrorCodes.DuplicateParameterKey, $"The key '{key}' is given twice (keys are compared without regard to case)."));
        }
    }

    private static void CheckTexts(ImageParameterInput input, int maxLength, List<ImageParameterProblem> problems)
    {
        var lines = new List<(string What, string? Text)> { ("label", input.Label), ("group", input.Group) };
        foreach (var choice in input.Choices ?? [])
        {
            lines.Add(("choice value", choice.Value));
            lines.Add(("choice label", choice.Label));
        }

        foreach (var (what, text) in lines.Append(("help", input.Help)))
        {
            if (text is null)
            {
                continue;
            }

            if (text.Length > maxLength)
            {
                problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterText, $"The {what} of '{input.Name}' has more than {maxLength} characters."));
            }
            else if (what == "help" ? text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) : text.Any(char.IsControl))
            {
                problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterText, $"The {what} of '{input.Name}' holds control characters."));
            }
        }
    }

    private static void CheckRange(ImageParameterInput input, List<ImageParameterProblem> problems)
    {
        string? problem = (input.Type, input.Min, input.Max) switch
        {
            (ApplicationFieldType.Select, null, null) => null,
            (ApplicationFieldType.Select, _, _) => "a SELECT takes no min or max: its choices bound it",
            (_, { } min, { } max) when min > max => $"min ({NumberText.Format(min)}) is larger than max ({NumberText.Format(max)})",
            (ApplicationFieldType.String or ApplicationFieldType.Attachment, var min, var max) when !IsCount(min) || !IsCount(max) =>
                $"min and max count {(input.Type == ApplicationFieldType.String ? "characters" : "files")}: whole numbers, not negative",
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterRange, $"'{input.Name}': {problem}."));
        }
    }

    private static List<ApplicationChoice>? ReadChoices(ImageParameterInput input, List<ImageParameterProblem> problems)
    {
        if (input.Type != ApplicationFieldType.Select)
        {
            if (input.Choices is not null)
            {
                problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterChoices, $"'{input.Name}': only a SELECT has choices."));
            }

            return null;
        }

        if (input.Choices is not { Count: > 0 } given)
        {
            problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterChoices, $"'{input.Name}': a SELECT needs at least one choice."));
            return null;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in given)
        {
            if (choice.Value.Length == 0 || !values.Add(choice.Value))
            {
                problems.Add(new(input.Name, ImagesErrorCodes.InvalidParameterChoices,
                    $"'{input.Name}': the choices' values must be unique and not empty; '{choice.Value}' is not."));
                return null;
            }
        }

        return given.Select(c => new ApplicationChoice(c.Value, string.IsNullOrWhiteSpace(c.Label) ? c.Value : c.Label)).ToList();
    }

    /// <summary>The field with its default, checked by the field's own rules and stored normalised; null (a problem added) when refused.</summary>
    private static ApplicationField? WithDefault(ApplicationField field, object? value, List<ImageParameterProblem> problems)
    {
        if (value is null)
        {
            return field;
        }

        if (field.Type == ApplicationFieldType.Attachment)
        {
            problems.Add(new(field.Name, ImagesErrorCodes.InvalidParameterDefault, $"'{field.Name}' takes files: it has no default."));
            return null;
        }

        if (ParameterRules.Check(field, value, $"the default of '{field.Name}'", out var normalised) is { } problem)
        {
            problems.Add(new(field.Name, ImagesErrorCodes.InvalidParameterDefault, problem + "."));
            return null;
        }

        return field with
        {
            Default = normalised switch
            {
                string text => JsonSerializer.SerializeToElement(text, StoredParametersJson.Default.String),
                long integer => JsonSerializer.SerializeToElement(integer, StoredParametersJson.Default.Int64),
                _ => JsonSerializer.SerializeToElement((double)normalised, StoredParametersJson.Default.Double),
            },
        };
    }

    private static bool IsCount(double? value) => value is not { } number || (number >= 0 && number == Math.Floor(number));
}

/// <summary>How image parameters are stored: camelCase names, types by their names, nothing written for null.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<ApplicationField>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class StoredParametersJson : JsonSerializerContext;
