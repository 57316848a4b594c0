using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Images;

namespace Ipp.Graph.Tests.Images;

/// <summary>
/// An image's parameters are the catalogue's fields: checked when defined, stored and read back unchanged, and an
/// experiment's values on the image are validated by the catalogue's own <see cref="ParameterValidator"/> through
/// <see cref="ImageApplication"/>, with the catalogue's messages and normalised values.
/// </summary>
public sealed class ImageParameterValidationTests
{
    private static readonly ImageParameterInput[] Definitions =
    [
        new("epochs", ApplicationFieldType.Integer, "Epochs", null, Required: true, null, Default: null, Min: 1, Max: 100, null),
        new("rate", ApplicationFieldType.Float, null, null, Required: false, "Training", Default: 0.5, Min: 0, Max: 1, null),
        new("model", ApplicationFieldType.Select, null, null, Required: false, null, Default: "small", null, null, [new("small", "Small"), new("large", null)]),
        new("note", ApplicationFieldType.String, null, "Free text", Required: false, null, Default: null, null, Max: 5, null),
        new("images", ApplicationFieldType.Attachment, null, null, Required: true, null, Default: null, null, Max: 2, null),
    ];

    private static ImageView Image()
    {
        var (fields, problems) = ImageParameters.Read(Definitions, new ImagesOptions());
        Assert.Empty(problems);
        var stored = ImageParameters.FromJson(ImageParameters.ToJson(fields));
        return new ImageView(7, "Trainer", "docker://example.org/trainer:1", stored, [Role.DataEngineer], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Stored_fields_read_back_as_they_were_defined()
    {
        var (fields, _) = ImageParameters.Read(Definitions, new ImagesOptions());

        var stored = ImageParameters.FromJson(ImageParameters.ToJson(fields));

        Assert.Equal(ImageParameters.ToJson(fields), ImageParameters.ToJson(stored));
        Assert.Equal(fields.Select(f => (f.Name, f.Type, f.Label, f.Required, f.Group, f.Min, f.Max)), stored.Select(f => (f.Name, f.Type, f.Label, f.Required, f.Group, f.Min, f.Max)));
        Assert.Equal("0.5", stored[1].Default!.Value.GetRawText());
        Assert.Equal("\"small\"", stored[2].Default!.Value.GetRawText());
        Assert.Equal([new ApplicationChoice("small", "Small"), new ApplicationChoice("large", "large")], stored[2].Choices!);
    }

    [Fact]
    public void Values_that_fit_the_image_are_valid_and_normalised_with_the_defaults_filled_in()
    {
        var application = ImageApplication.Of(Image());

        var validation = ParameterValidator.Validate(
            application, new Dictionary<string, object?> { ["epochs"] = 5.0, ["note"] = "hi" }, ["images", "images"], "run 1", null);

        Assert.True(validation.IsValid, string.Join("; ", validation.Problems));
        Assert.Equal("""{"epochs":5,"rate":0.5,"model":"small","note":"hi"}""", validation.ParametersJson);
        Assert.Equal(Image().Id, application.Key);
    }

    [Fact]
    public void Values_that_break_the_image_are_refused_by_the_catalogues_validator_each_with_its_message()
    {
        var validation = ParameterValidator.Validate(
            ImageApplication.Of(Image()),
            new Dictionary<string, object?> { ["epochs"] = 500L, ["rate"] = "fast", ["model"] = "huge", ["note"] = "too long", ["shell"] = "$(reboot)" },
            ["images", "images", "images"],
            "run 1",
            null);

        Assert.False(validation.IsValid);
        Assert.Equal(
            [
                new ParameterProblem("epochs", "'epochs' must be an integer from 1 to 100"),
                new ParameterProblem("rate", "'rate' must be a number from 0 to 1"),
                new ParameterProblem("model", "'model' must be one of 'small', 'large'"),
                new ParameterProblem("note", "'note' must be text of at most 5 characters"),
                new ParameterProblem("images", "'images' needs 1 to 2 files, not 3"),
                new ParameterProblem("shell", "unknown parameter 'shell'"),
            ],
            validation.Problems);
    }

    [Fact]
    public void A_required_value_missing_is_refused()
    {
        var validation = ParameterValidator.Validate(ImageApplication.Of(Image()), null, ["images"], "run 1", null);

        Assert.Equal([new ParameterProblem("epochs", "'epochs' is required")], validation.Problems);
    }

    public static TheoryData<string> AcceptedPaths => new()
    {
        "library://sylabsed/examples/lolcow:latest",
        "library://lab/default/trainer@sha256:0123456789abcdef",
        "docker://ubuntu:22.04",
        "docker://registry.example.org:5000/lab/trainer:1.2+build",
        "oras://ghcr.io/lab/trainer:v1",
        "shub://vsoch/hello-world",
        "/cvmfs/unpacked.cern.ch/images/trainer_1.0.sif",
    };

    [Theory]
    [MemberData(nameof(AcceptedPaths))]
    public void An_apptainer_reference_or_an_absolute_sif_path_is_accepted(string path)
    {
        Assert.Null(ImagePaths.Problem(path, 500));
    }
}
