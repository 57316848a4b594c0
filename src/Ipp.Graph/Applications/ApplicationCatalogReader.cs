using System.Text.Json;

namespace Ipp.Graph.Applications;

/// <summary>
/// Reads a catalogue in the IPP portal's format: a JSON array of applications, each
/// <c>{appKey, label, description, fieldGroups: {group: {label, fields: {name: field}}}}</c>, a field being
/// <c>{type, label, required, help, def, min, max, choices}</c>. The portal's <c>validator</c> and <c>starter</c>
/// commands (and <c>open</c>) are ignored: this server never runs them. Anything else out of shape is refused with a
/// message naming the application and field, so a broken catalogue stops the server at start instead of misleading users.
/// </summary>
internal static class ApplicationCatalogReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The applications of the catalogue, in its order.</summary>
    /// <param name="json">The catalogue's text (UTF-8).</param>
    /// <param name="source">What the catalogue is (its path), for messages.</param>
    public static IReadOnlyList<Application> Read(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ApplicationCatalogException($"The application catalogue {source} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(source, "the catalogue must be a JSON array of applications.");
            }

            var applications = new List<Application>(root.GetArrayLength());
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                index++;
                var application = ReadApplication(element, $"application #{index}", source);
                if (!keys.Add(application.Key))
                {
                    throw Invalid(source, $"application #{index}: the key '{application.Key}' is used twice.");
                }

                applications.Add(application);
            }

            return applications;
        }
    }

    private static Application ReadApplication(JsonElement element, string where, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where} must be a JSON object.");
        }

        var key = RequiredText(element, "appKey", where, source);
        where = $"{where} ('{key}')";
        var label = RequiredText(element, "label", where, source);
        var description = OptionalText(element, "description", where, source);
        if (!element.TryGetProperty("fieldGroups", out var groups) || groups.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where}: fieldGroups must be a JSON object.");
        }

        var fields = new List<ApplicationField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups.EnumerateObject())
        {
            var groupWhere = $"{where}, group '{group.Name}'";
            if (group.Value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, $"{groupWhere} must be a JSON object.");
            }

            var groupLabel = RequiredText(group.Value, "label", groupWhere, source);
            if (!group.Value.TryGetProperty("fields", out var groupFields) || groupFields.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, $"{groupWhere}: fields must be a JSON object.");
            }

            foreach (var field in groupFields.EnumerateObject())
            {
                var fieldWhere = $"{where}, field '{field.Name}'";
                if (!names.Add(field.Name))
                {
                    throw Invalid(source, $"{fieldWhere} is defined twice.");
                }

                fields.Add(ReadField(field.Name, field.Value, groupLabel, fieldWhere, source));
            }
        }

        return new Application(key, label, description, fields);
    }

    private static ApplicationField ReadField(string name, JsonElement element, string group, string where, string source)
    {
        if (name.Length == 0)
        {
            throw Invalid(source, $"{where}: a field's name must not be empty.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where} must be a JSON object.");
        }

        var typeName = RequiredText(element, "type", where, source);
        ApplicationFieldType type = typeName switch
        {
            "string" => ApplicationFieldType.String,
            "integer" => ApplicationFieldType.Integer,
            "float" => ApplicationFieldType.Float,
            "select" => ApplicationFieldType.Select,
            "attachment" => ApplicationFieldType.Attachment,
            _ => throw Invalid(source, $"{where}: the type '{typeName}' is none of string, integer, float, select, attachment."),
        };
        if (name is Application.CatalogNameField or Application.CatalogDescriptionField && type != ApplicationFieldType.String)
        {
            throw Invalid(source, $"{where}: the experiment's name and description are text: the type must be string.");
        }

        var required = false;
        if (element.TryGetProperty("required", out var requiredElement) && requiredElement.ValueKind != JsonValueKind.Null)
        {
            required = requiredElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(source, $"{where}: required must be true or false."),
            };
        }

        var min = OptionalNumber(element, "min", where, source);
        var max = OptionalNumber(element, "max", where, source);
        if (min > max)
        {
            throw Invalid(source, $"{where}: min ({NumberText.Format(min.Value)}) is larger than max ({NumberText.Format(max.Value)}).");
        }

        if ((type is ApplicationFieldType.String or ApplicationFieldType.Attachment)
            && !(IsCount(min) && IsCount(max)))
        {
            throw Invalid(source, $"{where}: min and max must be whole numbers, not negative: they count {(type == ApplicationFieldType.String ? "characters" : "files")}.");
        }

        var choices = ReadChoices(element, type, where, source);
        var help = OptionalText(element, "help", where, source);
        var field = new ApplicationField
        {
            Name = name,
            Type = type,
            Label = RequiredText(element, "label", where, source),
            Help = help is { Length: > 0 } ? help : null,
            Required = required,
            Group = group,
            Min = min,
            Max = max,
            Choices = choices,
        };
        return element.TryGetProperty("def", out var def) && def.ValueKind != JsonValueKind.Null
            ? WithDefault(field, def, where, source)
            : field;
    }

    private static List<ApplicationChoice>? ReadChoices(JsonElement element, ApplicationFieldType type, string where, string source)
    {
        var hasChoices = element.TryGetProperty("choices", out var choicesElement) && choicesElement.ValueKind != JsonValueKind.Null;
        if (type != ApplicationFieldType.Select)
        {
            return hasChoices
                ? throw Invalid(source, $"{where}: only a select field has choices.")
                : null;
        }

        if (!hasChoices || choicesElement.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where}: a select field needs choices, a JSON object of value: label.");
        }

        var choices = new List<ApplicationChoice>();
        foreach (var choice in choicesElement.EnumerateObject())
        {
            if (choice.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(source, $"{where}: the label of the choice '{choice.Name}' must be a string.");
            }

            choices.Add(new ApplicationChoice(choice.Name, choice.Value.GetString()!));
        }

        return choices.Count > 0
            ? choices
            : throw Invalid(source, $"{where}: a select field needs at least one choice.");
    }

    /// <summary>The field with its default, checked against the field's own rules; a select's default becomes its value as text.</summary>
    private static ApplicationField WithDefault(ApplicationField field, JsonElement def, string where, string source)
    {
        if (field.Type == ApplicationFieldType.Attachment)
        {
            throw Invalid(source, $"{where}: an attachment field has no default (def).");
        }

        var problem = ParameterRules.Check(field, def, $"its default ({def.GetRawText()})", out var normalised);
        if (problem is not null)
        {
            throw Invalid(source, $"{where}: {problem}.");
        }

        var value = normalised switch
        {
            string text => JsonSerializer.SerializeToElement(text),
            long integer => JsonSerializer.SerializeToElement(integer),
            double number => JsonSerializer.SerializeToElement(number),
            _ => def.Clone(),
        };
        return field with { Default = value };
    }

    private static string RequiredText(JsonElement element, string property, string where, string source) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(source, $"{where}: {property} must be a non-empty string.");

    private static string? OptionalText(JsonElement element, string property, string where, string source)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(source, $"{where}: {property} must be a string.");
    }

    private static double? OptionalNumber(JsonElement element, string property, string where, string source)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Invalid(source, $"{where}: {property} must be a number.");
    }

    private static bool IsCount(double? value) => value is not { } number || (number >= 0 && number == Math.Floor(number));

    private static ApplicationCatalogException Invalid(string source, string problem) =>
        new($"The application catalogue {source} is not valid: {problem}");
}
