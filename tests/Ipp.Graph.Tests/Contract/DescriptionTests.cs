using System.Text.Json;
using System.Text.RegularExpressions;
using Ipp.Graph.Engine.Tests.Support;
using static Ipp.Graph.Tests.Contract.ServedSchema;

namespace Ipp.Graph.Tests.Contract;

/// <summary>
/// The contract explains itself: every type, field, argument, input field, enum value and directive the server serves
/// has a description, and a description that names a setting names one the server has.
/// </summary>
public sealed partial class DescriptionTests(ServedSchema schema) : IClassFixture<ServedSchema>
{
    [Fact]
    public void Everything_in_the_schema_has_a_description()
    {
        var missing = Described().Where(d => string.IsNullOrWhiteSpace(d.Description)).Select(d => d.Coordinate).ToList();

        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
        Assert.False(string.IsNullOrWhiteSpace(schema.Schema.GetProperty("description").GetString()), "The schema has no description.");
        Assert.True(Described().Count() > 250, $"{Described().Count()} described elements");
    }

    [Fact]
    public void Descriptions_name_settings_instead_of_stating_their_values_and_each_setting_exists()
    {
        using var settings = JsonDocument.Parse(
            File.ReadAllText(RepositoryPaths.Combine("src", "Ipp.Graph", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var named = 0;
        foreach (var (coordinate, description) in Described())
        {
            foreach (Match setting in SettingName().Matches(description ?? ""))
            {
                named++;
                var element = settings.RootElement;
                foreach (var part in setting.Groups[1].Value.Split(':'))
                {
                    Assert.True(element.TryGetProperty(part, out element), $"{coordinate} names the setting {setting.Value}, which appsettings.json does not have.");
                }
            }

            // Values that are settings: the lifetime of a token, the length of a password, a page size.
            Assert.DoesNotMatch(SettingValue(), description ?? "");
        }

        Assert.True(named >= 5);
    }

    /// <summary>Every described element of the schema, by its schema coordinate.</summary>
    private IEnumerable<(string Coordinate, string? Description)> Described()
    {
        foreach (var type in schema.Types)
        {
            var typeName = Name(type);
            yield return (typeName, Text(type));
            foreach (var field in Fields(type))
            {
                yield return ($"{typeName}.{Name(field)}", Text(field));
                foreach (var argument in List(field, "args"))
                {
                    yield return ($"{typeName}.{Name(field)}({Name(argument)}:)", Text(argument));
                }
            }

            foreach (var inputField in List(type, "inputFields"))
            {
                yield return ($"{typeName}.{Name(inputField)}", Text(inputField));
            }

            foreach (var value in List(type, "enumValues"))
            {
                yield return ($"{typeName}.{Name(value)}", Text(value));
            }
        }

        foreach (var directive in schema.Schema.GetProperty("directives").EnumerateArray())
        {
            yield return ($"@{Name(directive)}", Text(directive));
            foreach (var argument in List(directive, "args"))
            {
                yield return ($"@{Name(directive)}({Name(argument)}:)", Text(argument));
            }
        }
    }

    private static string? Text(JsonElement element) => element.GetProperty("description").GetString();

    [GeneratedRegex("`([A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+)`")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"(?<![-\w])\d+ (hours?|minutes?|seconds?|days?|bytes)\b|\b\d+ to \d+ bytes\b")]
    private static partial Regex SettingValue();
}
