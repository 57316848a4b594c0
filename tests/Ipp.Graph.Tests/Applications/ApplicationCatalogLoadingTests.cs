using System.Text.Json;
using Ipp.Graph.Applications;

namespace Ipp.Graph.Tests.Applications;

/// <summary>Reading a catalogue in the IPP portal's format, and refusing one out of shape with a clear message.</summary>
public sealed class ApplicationCatalogLoadingTests
{
    [Fact]
    public void Reads_applications_and_fields_in_the_catalogue_order_with_their_group_labels()
    {
        var catalog = ApplicationCatalog.Parse("""
            [
              {"appKey": "b", "label": "Bee", "description": "<p>B</p>", "validator": "/bin/true", "starter": "/bin/true",
               "fieldGroups": {
                 "required": {"label": "Required Fields", "open": true, "fields": {
                   "name": {"type": "string", "label": "Name", "required": true, "help": "Your name", "min": 2, "max": 20},
                   "scans": {"type": "attachment", "label": "Scans", "required": true, "min": 1, "max": 100, "validator": "/bin/check %filename%"}
                 }},
                 "optional": {"label": "Options", "open": false, "fields": {
                   "level": {"type": "integer", "label": "Level", "min": 1, "max": 3, "def": 3},
                   "ratio": {"type": "float", "label": "Ratio", "min": 0.5, "def": 1},
                   "mode": {"type": "select", "label": "Mode", "open": false, "choices": {"0": "Off", "1": "On"}, "def": 1, "help": ""}
                 }}
               }},
              {"appKey": "a", "label": "Ay", "fieldGroups": {}}
            ]
            """);

        Assert.Equal(["b", "a"], catalog.All.Select(a => a.Key));
        var app = catalog.Find("b")!;
        Assert.Equal("Bee", app.Label);
        Assert.Equal("<p>B</p>", app.Description);
        Assert.Null(catalog.Find("a")!.Description);
        Assert.Empty(catalog.Find("a")!.Fields);
        Assert.Equal(["name", "scans", "level", "ratio", "mode"], app.Fields.Select(f => f.Name));
        Assert.Equal(
            [ApplicationFieldType.String, ApplicationFieldType.Attachment, ApplicationFieldType.Integer, ApplicationFieldType.Float, ApplicationFieldType.Select],
            app.Fields.Select(f => f.Type));
        Assert.Equal(["Required Fields", "Required Fields", "Options", "Options", "Options"], app.Fields.Select(f => f.Group));
        Assert.Equal([true, true, false, false, false], app.Fields.Select(f => f.Required));

        var name = app.FindField("name")!;
        Assert.Equal(("Name", "Your name", 2.0, 20.0), (name.Label, name.Help, name.Min, name.Max));
        Assert.Null(name.Default);
        Assert.Null(name.Choices);
        var scans = app.FindField("scans")!;
        Assert.Equal((1.0, 100.0), (scans.Min, scans.Max));
        Assert.Equal("3", app.FindField("level")!.Default!.Value.GetRawText());
        Assert.Equal(JsonValueKind.Number, app.FindField("ratio")!.Default!.Value.ValueKind);
        Assert.Equal(0.5, app.FindField("ratio")!.Min);
        Assert.Null(app.FindField("ratio")!.Max);

        var mode = app.FindField("mode")!;
        Assert.Null(mode.Help);
        Assert.Equal([new ApplicationChoice("0", "Off"), new ApplicationChoice("1", "On")], mode.Choices!);
        // The portal writes this default as the number 1 while the choice's value is the key "1": kept as that text.
        Assert.Equal("\"1\"", mode.Default!.Value.GetRawText());
    }

    [Fact]
    public void Find_compares_keys_exactly()
    {
        var catalog = ApplicationCatalog.Parse(CatalogText.OneApplication("{}"));
        Assert.NotNull(catalog.Find("app"));
        Assert.Null(catalog.Find("App"));
        Assert.Null(catalog.Find(""));
    }

    [Theory]
    [InlineData("{", "The application catalogue test.json is not valid JSON: ")]
    [InlineData("{}", "The application catalogue test.json is not valid: the catalogue must be a JSON array of applications.")]
    [InlineData("[1]", "The application catalogue test.json is not valid: application #1 must be a JSON object.")]
    [InlineData("""[{"label": "A", "fieldGroups": {}}]""", "The application catalogue test.json is not valid: application #1: appKey must be a non-empty string.")]
    [InlineData("""[{"appKey": "", "label": "A", "fieldGroups": {}}]""", "The application catalogue test.json is not valid: application #1: appKey must be a non-empty string.")]
    [InlineData("""[{"appKey": "a", "fieldGroups": {}}]""", "The application catalogue test.json is not valid: application #1 ('a'): label must be a non-empty string.")]
    [InlineData("""[{"appKey": "a", "label": "A"}]""", "The application catalogue test.json is not valid: application #1 ('a'): fieldGroups must be a JSON object.")]
    [InlineData("""[{"appKey": "a", "label": "A", "description": 3, "fieldGroups": {}}]""", "The application catalogue test.json is not valid: application #1 ('a'): description must be a string.")]
    [InlineData("""[{"appKey": "a", "label": "A", "fieldGroups": {}}, {"appKey": "a", "label": "B", "fieldGroups": {}}]""", "The application catalogue test.json is not valid: application #2: the key 'a' is used twice.")]
    [InlineData("""[{"appKey": "a", "label": "A", "fieldGroups": {"g": {"label": "G"}}}]""", "The application catalogue test.json is not valid: application #1 ('a'), group 'g': fields must be a JSON object.")]
    [InlineData("""[{"appKey": "a", "label": "A", "fieldGroups": {"g": {"fields": {}}}}]""", "The application catalogue test.json is not valid: application #1 ('a'), group 'g': label must be a non-empty string.")]
    public void Refuses_a_catalogue_out_of_shape(string json, string message)
    {
        var error = Assert.Throws<ApplicationCatalogException>(() => ApplicationCatalog.Parse(json, "test.json"));
        Assert.StartsWith(message, error.Message);
        if (!message.EndsWith(": ", StringComparison.Ordinal))
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Theory]
    [InlineData("""{"x": {"type": "text", "label": "X"}}""", "field 'x': the type 'text' is none of string, integer, float, select, attachment.")]
    [InlineData("""{"x": {"label": "X"}}""", "field 'x': type must be a non-empty string.")]
    [InlineData("""{"x": {"type": "string"}}""", "field 'x': label must be a non-empty string.")]
    [InlineData("""{"x": {"type": "string", "label": "X", "required": "yes"}}""", "field 'x': required must be true or false.")]
    [InlineData("""{"x": {"type": "integer", "label": "X", "min": "1"}}""", "field 'x': min must be a number.")]
    [InlineData("""{"x": {"type": "integer", "label": "X", "min": 5, "max": 1}}""", "field 'x': min (5) is larger than max (1).")]
    [InlineData("""{"x": {"type": "attachment", "label": "X", "min": -1}}""", "field 'x': min and max must be whole numbers, not negative: they count files.")]
    [InlineData("""{"x": {"type": "attachment", "label": "X", "max": 1.5}}""", "field 'x': min and max must be whole numbers, not negative: they count files.")]
    [InlineData("""{"x": {"type": "string", "label": "X", "min": 0.5}}""", "field 'x': min and max must be whole numbers, not negative: they count characters.")]
    [InlineData("""{"x": {"type": "select", "label": "X"}}""", "field 'x': a select field needs choices, a JSON object of value: label.")]
    [InlineData("""{"x": {"type": "select", "label": "X", "choices": {}}}""", "field 'x': a select field needs at least one choice.")]
    [InlineData("""{"x": {"type": "select", "label": "X", "choices": {"a": 1}}}""", "field 'x': the label of the choice 'a' must be a string.")]
    [InlineData("""{"x": {"type": "string", "label": "X", "choices": {"a": "A"}}}""", "field 'x': only a select field has choices.")]
    [InlineData("""{"x": {"type": "integer", "label": "X", "min": 1, "max": 3, "def": 4}}""", "field 'x': its default (4) must be an integer from 1 to 3.")]
    [InlineData("""{"x": {"type": "integer", "label": "X", "def": "4"}}""", "field 'x': its default (\"4\") must be an integer.")]
    [InlineData("""{"x": {"type": "select", "label": "X", "choices": {"a": "A"}, "def": "b"}}""", "field 'x': its default (\"b\") must be one of 'a'.")]
    [InlineData("""{"x": {"type": "attachment", "label": "X", "def": "f"}}""", "field 'x': an attachment field has no default (def).")]
    public void Refuses_a_field_out_of_shape(string fields, string problem)
    {
        var error = Assert.Throws<ApplicationCatalogException>(() => ApplicationCatalog.Parse(CatalogText.OneApplication(fields), "test.json"));
        Assert.Equal("The application catalogue test.json is not valid: application #1 ('app'), " + problem, error.Message);
    }

    [Fact]
    public void Refuses_two_fields_of_one_name_even_in_different_groups()
    {
        var error = Assert.Throws<ApplicationCatalogException>(() => ApplicationCatalog.Parse(
            CatalogText.OneApplication("""{"x": {"type": "string", "label": "X"}}""", """{"x": {"type": "integer", "label": "X"}}"""), "test.json"));
        Assert.Equal("The application catalogue test.json is not valid: application #1 ('app'), field 'x' is defined twice.", error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_full_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"), "apps.json");
        var error = Assert.Throws<ApplicationCatalogException>(() => ApplicationCatalog.Load(path));
        Assert.StartsWith($"The application catalogue {path} cannot be read: ", error.Message);
    }

    [Fact]
    public void The_shipped_catalogue_has_every_kind_of_field_and_an_attachment_of_1_to_100_files()
    {
        var catalog = ApplicationCatalog.LoadShipped();

        Assert.InRange(catalog.All.Count, 3, 5);
        var fields = catalog.All.SelectMany(a => a.Fields).ToList();
        Assert.Equal(Enum.GetValues<ApplicationFieldType>().Order(), fields.Select(f => f.Type).Distinct().Order());
        var images = catalog.Find("image-statistics")!.FindField("images")!;
        Assert.Equal((ApplicationFieldType.Attachment, true, 1.0, 100.0), (images.Type, images.Required, images.Min, images.Max));
    }
}
