using System.Text.Json;
using Ipp.Graph.Applications;

namespace Ipp.Graph.Tests.Applications;

/// <summary>The IPP portal's real catalogue (67 applications), read where it lies beside the repository.</summary>
public sealed class PortalCatalogTests
{
    private static readonly Lazy<ApplicationCatalog> Catalog = new(() => ApplicationCatalog.Load(PortalCatalogFile.Path));

    private static ParameterValidation Validate(string appKey, string parametersJson, string[] files, string name = "run 1", string? description = null) =>
        ParameterValidator.Validate(Catalog.Value.Find(appKey)!, JsonDocument.Parse(parametersJson).RootElement, files, name, description);

    [Fact]
    public void All_67_applications_load_with_every_kind_of_field_in_the_documented_numbers()
    {
        var catalog = Catalog.Value;

        Assert.Equal(67, catalog.All.Count);
        Assert.Equal(67, catalog.All.Select(a => a.Key).Distinct().Count());
        Assert.Equal("BraTS17_data_request_registration", catalog.All[0].Key);
        Assert.Equal("xcpEngine", catalog.All[^1].Key);
        var counts = catalog.All.SelectMany(a => a.Fields).GroupBy(f => f.Type).ToDictionary(g => g.Key, g => g.Count());
        // 146 string fields in all: every application's experimentName, 27 experimentDescription, 52 parameters.
        Assert.All(catalog.All, a => Assert.True(a.HasCatalogNameField));
        Assert.Equal(27, catalog.All.Count(a => a.HasCatalogDescriptionField));
        Assert.Equal(146 - 67 - 27, counts[ApplicationFieldType.String]);
        Assert.Equal(99, counts[ApplicationFieldType.Attachment]);
        Assert.Equal(37, counts[ApplicationFieldType.Select]);
        Assert.Equal(21, counts[ApplicationFieldType.Integer]);
        Assert.Equal(14, counts[ApplicationFieldType.Float]);
    }

    [Fact]
    public void LIBRA_takes_1_to_100_mammograms_and_a_select_given_as_text_or_number()
    {
        var libra = Catalog.Value.Find("LIBRA")!;
        var mammograms = libra.FindField("mammograms")!;
        Assert.Equal((ApplicationFieldType.Attachment, true, 1.0, 100.0, "Required Fields"), (mammograms.Type, mammograms.Required, mammograms.Min, mammograms.Max, mammograms.Group));
        Assert.Equal([new ApplicationChoice("0", "NO"), new ApplicationChoice("1", "YES")], libra.FindField("saveIntermediateFiles")!.Choices!);

        var valid = Validate("LIBRA", """{"saveIntermediateFiles": 1}""", [.. Enumerable.Repeat("mammograms", 100)], description: "screening");
        Assert.Empty(valid.Problems);
        Assert.Equal("""{"saveIntermediateFiles":"1"}""", valid.ParametersJson);
        Assert.Equal("""{"experimentName":"run 1","experimentDescription":"screening","saveIntermediateFiles":"1"}""", valid.ManifestParametersJson);
        Assert.Equal("""{"experimentName":"run 1"}""", Validate("LIBRA", "{}", ["mammograms"]).ManifestParametersJson);

        Assert.Equal(
            [new ParameterProblem("mammograms", "'mammograms' needs 1 to 100 files, not 101")],
            Validate("LIBRA", "{}", [.. Enumerable.Repeat("mammograms", 101)]).Problems);
        Assert.Equal(
            [new ParameterProblem("mammograms", "'mammograms' needs 1 to 100 files, not 0"), new ParameterProblem("saveIntermediateFiles", "'saveIntermediateFiles' must be one of '0', '1'")],
            Validate("LIBRA", """{"saveIntermediateFiles": "maybe"}""", []).Problems);
    }

    [Fact]
    public void GLISTR_takes_exactly_4_images_a_seed_and_a_point_file_and_fills_in_its_thread_counts()
    {
        string[] files = ["images", "images", "images", "images", "seedFile", "pointFile"];

        var valid = Validate("GLISTR", """{"atlasFolder": "atlas_jakob_with_cere_type", "numHopThreads": 2}""", files);
        Assert.Empty(valid.Problems);
        Assert.Equal(
            """{"atlasFolder":"atlas_jakob_with_cere_type","numOmpThreads":3,"numItkThreads":3,"numHopThreads":2}""",
            valid.ParametersJson);

        Assert.Equal(
            [
                new ParameterProblem("images", "'images' needs exactly 4 files, not 3"),
                new ParameterProblem("pointFile", "'pointFile' needs exactly 1 file, not 0"),
                new ParameterProblem("atlasFolder", "'atlasFolder' is required"),
                new ParameterProblem("numOmpThreads", "'numOmpThreads' must be an integer from 1 to 3"),
            ],
            Validate("GLISTR", """{"numOmpThreads": 4}""", ["images", "images", "images", "seedFile"]).Problems);
    }

    [Fact]
    public void DRAMMS_Ravens_bounds_the_length_of_its_prefix()
    {
        var field = Catalog.Value.Find("DRAMMS-Ravens")!.FindField("outputImageName")!;
        Assert.Equal((ApplicationFieldType.String, 4.0, 48.0), (field.Type, field.Min, field.Max));
    }

    [Fact]
    public void Every_application_accepts_its_own_defaults_with_the_least_it_requires()
    {
        foreach (var application in Catalog.Value.All)
        {
            var parameters = new Dictionary<string, object?>();
            var files = new List<string>();
            foreach (var field in application.Fields)
            {
                if (field.Type == ApplicationFieldType.Attachment)
                {
                    files.AddRange(Enumerable.Repeat(field.Name, (int)Math.Max(field.Min ?? 0, field.Required ? 1 : 0)));
                }
                else if (field.Required)
                {
                    parameters[field.Name] = field.Type switch
                    {
                        ApplicationFieldType.Select => field.Choices![0].Value,
                        ApplicationFieldType.String => new string('x', (int)(field.Min ?? 1)),
                        _ => field.Min ?? field.Max ?? 1.0,
                    };
                }
            }

            var result = ParameterValidator.Validate(application, parameters, files, "run 1", application.DescriptionField.Required ? "d" : null);
            Assert.True(result.IsValid, application.Key + ": " + string.Join("; ", result.Problems));
        }
    }
}
