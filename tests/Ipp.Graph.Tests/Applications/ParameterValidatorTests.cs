using System.Text.Json;
using Ipp.Graph.Applications;

namespace Ipp.Graph.Tests.Applications;

/// <summary>Each rule of <see cref="ParameterValidator"/> on small inline catalogues: problems and stored parameters.</summary>
public sealed class ParameterValidatorTests
{
    private static ParameterValidation Validate(Application app, string? parametersJson, string[]? files = null, string? name = "run", string? description = null) =>
        ParameterValidator.Validate(
            app,
            parametersJson is null ? null : JsonDocument.Parse(parametersJson).RootElement.Clone(),
            files ?? [],
            name,
            description);

    private static void AssertProblems(ParameterValidation result, params (string Name, string Message)[] expected)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.ParametersJson);
        Assert.Equal(expected, result.Problems.Select(p => (p.Name, p.Message)));
    }

    private static void AssertStored(ParameterValidation result, string json)
    {
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal(json, result.ParametersJson);
    }

    [Fact]
    public void Fills_in_defaults_in_catalogue_order_and_leaves_out_optional_fields_without_one()
    {
        var app = CatalogText.Application(
            """{"title": {"type": "string", "label": "T", "required": true}}""",
            """
            {"level": {"type": "integer", "label": "L", "def": 3},
             "ratio": {"type": "float", "label": "R", "def": 0.5},
             "note": {"type": "string", "label": "N"},
             "mode": {"type": "select", "label": "M", "choices": {"0": "Off", "1": "On"}, "def": 1},
             "label": {"type": "string", "label": "L", "def": "x"}}
            """);

        AssertStored(Validate(app, """{"label": "given", "title": "t"}"""), """{"title":"t","level":3,"ratio":0.5,"mode":"1","label":"given"}""");
    }

    [Fact]
    public void A_required_field_with_a_default_takes_the_default_when_not_given_as_a_form_showing_it_would()
    {
        var app = CatalogText.Application(
            """{"k": {"type": "float", "label": "K", "required": true, "min": 0.01, "max": 1000, "def": 10}, "regions": {"type": "string", "label": "R", "required": true, "def": "10,150"}}""");

        AssertStored(Validate(app, "{}"), """{"k":10,"regions":"10,150"}""");
        AssertStored(Validate(app, """{"k": null, "regions": "  "}"""), """{"k":10,"regions":"10,150"}""");
        AssertStored(Validate(app, """{"k": 2.5, "regions": "7"}"""), """{"k":2.5,"regions":"7"}""");
    }

    [Fact]
    public void No_parameters_at_all_is_an_empty_object()
    {
        var app = CatalogText.Application("""{"note": {"type": "string", "label": "N"}}""");
        AssertStored(Validate(app, null), "{}");
        AssertStored(Validate(app, "null"), "{}");
        AssertStored(ParameterValidator.Validate(app, new Dictionary<string, object?>(), [], "run", null), "{}");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"k=1\"")]
    [InlineData("3")]
    public void Parameters_that_are_not_an_object_are_refused(string json)
    {
        var app = CatalogText.Application("{}");
        AssertProblems(Validate(app, json), ("parameters", "parameters must be a JSON object"));
    }

    [Fact]
    public void A_required_field_must_be_given_and_a_required_string_must_not_be_blank()
    {
        var app = CatalogText.Application(
            """{"a": {"type": "string", "label": "A", "required": true}, "b": {"type": "integer", "label": "B", "required": true}, "c": {"type": "select", "label": "C", "required": true, "choices": {"x": "X"}}}""");

        AssertProblems(Validate(app, "{}"), ("a", "'a' is required"), ("b", "'b' is required"), ("c", "'c' is required"));
        AssertProblems(Validate(app, """{"a": "  ", "b": null, "c": "x"}"""), ("a", "'a' is required"), ("b", "'b' is required"));
        AssertStored(Validate(app, """{"a": " a ", "b": 0, "c": "x"}"""), """{"a":" a ","b":0,"c":"x"}""");
    }

    [Fact]
    public void A_null_optional_value_counts_as_not_given()
    {
        var app = CatalogText.Application("{}", """{"level": {"type": "integer", "label": "L", "def": 3}, "note": {"type": "string", "label": "N"}}""");
        AssertStored(Validate(app, """{"level": null, "note": null}"""), """{"level":3}""");
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("100", "100")]
    [InlineData("5.0", "5")]
    [InlineData("-0", "0")]
    public void An_integer_is_a_whole_JSON_number_within_its_range(string value, string stored)
    {
        var app = CatalogText.Application("""{"k": {"type": "integer", "label": "K", "min": -1, "max": 100}}""");
        AssertStored(Validate(app, $$"""{"k": {{value}}}"""), $$"""{"k":{{stored}}}""");
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-2")]
    [InlineData("1.5")]
    [InlineData("\"5\"")]
    [InlineData("true")]
    [InlineData("[5]")]
    [InlineData("{\"v\": 5}")]
    [InlineData("1e400")]
    public void Anything_else_is_not_an_integer_of_the_range(string value)
    {
        var app = CatalogText.Application("""{"k": {"type": "integer", "label": "K", "min": -1, "max": 100}}""");
        AssertProblems(Validate(app, $$"""{"k": {{value}}}"""), ("k", "'k' must be an integer from -1 to 100"));
    }

    [Theory]
    [InlineData(""", "min": 1""", "'k' must be an integer of at least 1")]
    [InlineData(""", "max": 3""", "'k' must be an integer of at most 3")]
    [InlineData("", "'k' must be an integer")]
    public void Integer_messages_say_the_range_there_is(string range, string message)
    {
        var app = CatalogText.Application("""{"k": {"type": "integer", "label": "K" """ + range + "}}");
        AssertProblems(Validate(app, """{"k": "many"}"""), ("k", message));
    }

    [Fact]
    public void A_float_is_any_JSON_number_within_its_range()
    {
        var app = CatalogText.Application("""{"r": {"type": "float", "label": "R", "min": 0.5, "max": 2}}""");
        AssertStored(Validate(app, """{"r": 0.5}"""), """{"r":0.5}""");
        AssertStored(Validate(app, """{"r": 2}"""), """{"r":2}""");
        AssertStored(Validate(app, """{"r": 1.25}"""), """{"r":1.25}""");
        AssertProblems(Validate(app, """{"r": 0.49}"""), ("r", "'r' must be a number from 0.5 to 2"));
        AssertProblems(Validate(app, """{"r": "1"}"""), ("r", "'r' must be a number from 0.5 to 2"));
        AssertProblems(Validate(app, """{"r": false}"""), ("r", "'r' must be a number from 0.5 to 2"));
    }

    [Fact]
    public void A_string_is_a_JSON_string_whose_length_in_characters_is_within_min_and_max()
    {
        var app = CatalogText.Application("""{"s": {"type": "string", "label": "S", "min": 2, "max": 4}}""");
        AssertStored(Validate(app, """{"s": "ab"}"""), """{"s":"ab"}""");
        // Four characters, one of them outside the Basic Multilingual Plane (two UTF-16 units).
        AssertStored(Validate(app, """{"s": "ab\uD83D\uDE00c"}"""), """{"s":"ab\uD83D\uDE00c"}""");
        AssertProblems(Validate(app, """{"s": "a"}"""), ("s", "'s' must be text of 2 to 4 characters"));
        AssertProblems(Validate(app, """{"s": "abcde"}"""), ("s", "'s' must be text of 2 to 4 characters"));
        AssertProblems(Validate(app, """{"s": 12}"""), ("s", "'s' must be text of 2 to 4 characters"));

        var one = CatalogText.Application("""{"s": {"type": "string", "label": "S", "max": 1}}""");
        AssertProblems(Validate(one, """{"s": "ab"}"""), ("s", "'s' must be text of at most 1 character"));
        var plain = CatalogText.Application("""{"s": {"type": "string", "label": "S"}}""");
        AssertProblems(Validate(plain, """{"s": ["a"]}"""), ("s", "'s' must be text"));
    }

    [Fact]
    public void A_select_takes_one_of_the_choices_values_compared_as_text()
    {
        var app = CatalogText.Application("""{"m": {"type": "select", "label": "M", "choices": {"0": "No", "1": "Yes", "auto": "Auto"}}}""");
        AssertStored(Validate(app, """{"m": "1"}"""), """{"m":"1"}""");
        AssertStored(Validate(app, """{"m": 1}"""), """{"m":"1"}""");
        AssertStored(Validate(app, """{"m": "auto"}"""), """{"m":"auto"}""");
        AssertProblems(Validate(app, """{"m": "2"}"""), ("m", "'m' must be one of '0', '1', 'auto'"));
        AssertProblems(Validate(app, """{"m": "Yes"}"""), ("m", "'m' must be one of '0', '1', 'auto'"));
        AssertProblems(Validate(app, """{"m": true}"""), ("m", "'m' must be one of '0', '1', 'auto'"));
    }

    [Fact]
    public void Parameters_naming_no_field_are_refused()
    {
        var app = CatalogText.Application("""{"k": {"type": "integer", "label": "K"}}""");
        AssertProblems(Validate(app, """{"x": 1, "k": 2, "K": 3}"""), ("x", "unknown parameter 'x'"), ("K", "unknown parameter 'K'"));
    }

    [Theory]
    [InlineData(0, "'images' needs exactly 4 files, not 0")]
    [InlineData(3, "'images' needs exactly 4 files, not 3")]
    [InlineData(5, "'images' needs exactly 4 files, not 5")]
    public void An_attachment_with_min_equal_to_max_needs_exactly_that_many_files(int count, string message)
    {
        var app = CatalogText.Application("""{"images": {"type": "attachment", "label": "I", "required": true, "min": 4, "max": 4}}""");
        AssertProblems(Validate(app, "{}", Enumerable.Repeat("images", count).ToArray()), ("images", message));
        AssertStored(Validate(app, "{}", ["images", "images", "images", "images"]), "{}");
    }

    [Fact]
    public void Attachment_counts_within_min_and_max()
    {
        var app = CatalogText.Application(
            """
            {"scans": {"type": "attachment", "label": "S", "required": true, "min": 1, "max": 100},
             "seed": {"type": "attachment", "label": "Seed", "required": true},
             "mask": {"type": "attachment", "label": "M", "max": 1},
             "extra": {"type": "attachment", "label": "E", "min": 2}}
            """);

        AssertStored(Validate(app, null, ["scans", "seed"]), "{}");
        AssertStored(Validate(app, null, [.. Enumerable.Repeat("scans", 100), "seed", "seed", "mask", "extra", "extra"]), "{}");
        AssertProblems(
            Validate(app, null, []),
            ("scans", "'scans' needs 1 to 100 files, not 0"),
            ("seed", "'seed' needs at least 1 file, not 0"));
        AssertProblems(
            Validate(app, null, [.. Enumerable.Repeat("scans", 101), "seed", "mask", "mask", "extra"]),
            ("scans", "'scans' needs 1 to 100 files, not 101"),
            ("mask", "'mask' needs at most 1 file, not 2"),
            ("extra", "'extra' needs at least 2 files, not 1"));
    }

    [Fact]
    public void Files_for_a_field_that_is_not_an_attachment_or_for_no_field_are_refused_once_per_parameter()
    {
        var app = CatalogText.Application("""{"k": {"type": "integer", "label": "K"}}""");
        AssertProblems(Validate(app, null, ["k", "nope", "k", "nope"]), ("k", "'k' takes a value in parameters, not files"), ("nope", "unknown parameter 'nope'"));
    }

    [Fact]
    public void An_attachment_given_in_parameters_is_refused()
    {
        var app = CatalogText.Application("""{"scan": {"type": "attachment", "label": "S", "required": true, "max": 1}}""");
        AssertProblems(Validate(app, """{"scan": "a.nii.gz"}""", ["scan"]), ("scan", "'scan' takes files, not a value in parameters"));
    }

    [Fact]
    public void The_experiment_name_and_description_fill_the_IPP_fields_that_hold_them_in_the_manifest_only()
    {
        var app = CatalogText.Application(
            """{"experimentName": {"type": "string", "label": "Name", "required": true, "max": 10}, "experimentDescription": {"type": "string", "label": "Description"}, "k": {"type": "integer", "label": "K"}}""");

        var both = Validate(app, """{"k": 1}""", name: "run 1", description: "first");
        AssertStored(both, """{"k":1}""");
        Assert.Equal("""{"experimentName":"run 1","experimentDescription":"first","k":1}""", both.ManifestParametersJson);
        Assert.Equal("""{"experimentName":"run 1"}""", Validate(app, "{}", name: "run 1").ManifestParametersJson);
        AssertProblems(Validate(app, "{}", name: null), ("name", "the experiment's name is required"));
        AssertProblems(Validate(app, "{}", name: "  "), ("name", "the experiment's name is required"));
        AssertProblems(Validate(app, "{}", name: "a much longer name"), ("name", "the experiment's name must be text of at most 10 characters"));
        AssertProblems(
            Validate(app, """{"experimentName": "x", "experimentDescription": "y"}""", name: "run"),
            ("experimentName", "'experimentName' is the experiment's name: give it as the experiment's name, not in parameters"),
            ("experimentDescription", "'experimentDescription' is the experiment's description: give it as the experiment's description, not in parameters"));
    }

    [Fact]
    public void Without_those_fields_the_name_and_description_are_not_parameters_anywhere()
    {
        var app = CatalogText.Application("{}");
        var result = Validate(app, "{}", name: "run", description: "d");
        AssertStored(result, "{}");
        Assert.Equal("{}", result.ManifestParametersJson);
        AssertProblems(Validate(app, "{}", name: null), ("name", "the experiment's name is required"));
        AssertProblems(
            Validate(app, """{"experimentName": "x"}"""),
            ("experimentName", "unknown parameter 'experimentName'"));
    }

    [Fact]
    public void The_name_and_description_fit_the_database_whatever_the_catalogue_allows()
    {
        var app = CatalogText.Application("""{"experimentName": {"type": "string", "label": "Name", "required": true, "max": 1000}}""");
        Assert.Equal((200.0, true), (app.NameField.Max, app.NameField.Required));
        Assert.Equal((4000.0, false), (app.DescriptionField.Max, app.DescriptionField.Required));
        AssertProblems(Validate(app, "{}", name: new string('n', 201)), ("name", "the experiment's name must be text of at most 200 characters"));
        AssertStored(Validate(app, "{}", name: string.Concat(Enumerable.Repeat("😀", 200))), "{}");
        AssertProblems(
            Validate(app, "{}", description: new string('d', 4001)),
            ("description", "the experiment's description must be text of at most 4000 characters"));
    }

    [Fact]
    public void Accepts_the_engines_coerced_JSON_values()
    {
        var app = CatalogText.Application(
            """{"k": {"type": "integer", "label": "K"}, "r": {"type": "float", "label": "R"}, "s": {"type": "string", "label": "S"}, "m": {"type": "select", "label": "M", "choices": {"2": "Two"}}}""");
        var parameters = new Dictionary<string, object?> { ["k"] = 7L, ["r"] = 0.25, ["s"] = "text", ["m"] = 2L };
        AssertStored(ParameterValidator.Validate(app, parameters, [], "run", null), """{"k":7,"r":0.25,"s":"text","m":"2"}""");
        AssertProblems(
            ParameterValidator.Validate(app, new Dictionary<string, object?> { ["k"] = "7", ["s"] = new object?[] { "a" } }, [], "run", null),
            ("k", "'k' must be an integer"),
            ("s", "'s' must be text"));
    }

    [Fact]
    public void Reports_every_problem_at_once_in_field_order_then_unknown_names_then_stray_files()
    {
        var app = CatalogText.Application(
            """{"a": {"type": "string", "label": "A", "required": true}, "files": {"type": "attachment", "label": "F", "required": true}, "b": {"type": "integer", "label": "B", "max": 2}}""");
        AssertProblems(
            Validate(app, """{"zz": 1, "b": 3}""", ["qq"]),
            ("a", "'a' is required"),
            ("files", "'files' needs at least 1 file, not 0"),
            ("b", "'b' must be an integer of at most 2"),
            ("zz", "unknown parameter 'zz'"),
            ("qq", "unknown parameter 'qq'"));
    }
}
