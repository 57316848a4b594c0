using System.Text.Json;
using Ipp.Graph.Applications;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// <c>applications</c> describes exactly what <c>createExperiment</c> accepts: a form generated from each of the IPP
/// portal's 67 applications, filled in as little as its fields require, succeeds on its first submit.
/// </summary>
public sealed class GeneratedFormTests
{
    private const string Forms =
        "{ applications { key nameField { ...Field } descriptionField { ...Field } fields { ...Field } } } "
        + "fragment Field on ApplicationField { name type required default min max choices { value } }";

    [Fact]
    public async Task A_form_generated_from_each_application_is_accepted_on_its_first_submit()
    {
        await using var server = await AccountsServer.StartAsync(
            $"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={PortalCatalogFile.Path}",
            "--Experiments:CreateRateLimit:PermitLimit=1000");
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var user = await WriteFixture.SignUpAsync(http, "ada@example.org");
        var applications = (await http.PostAsync(Forms)).Data("applications").EnumerateArray().ToList();
        Assert.Equal(67, applications.Count);

        var refused = new List<string>();
        foreach (var application in applications)
        {
            var form = Fill(application);
            var response = await WriteMultipart.CreateAsync(client, user.Token, form.Input, form.Files);
            var payload = response.Data("createExperiment");
            if (payload.GetProperty("errors").ValueKind != JsonValueKind.Null)
            {
                refused.Add(application.GetProperty("key").GetString() + ": " + payload.GetProperty("errors").GetRawText());
            }
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>What a generated form sends when its user fills in only what is required and keeps every default.</summary>
    private static (Dictionary<string, object?> Input, WriteMultipart.FilePart[] Files) Fill(JsonElement application)
    {
        var parameters = new Dictionary<string, object?>();
        var files = new List<WriteMultipart.FilePart>();
        foreach (var field in application.GetProperty("fields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            if (field.GetProperty("type").GetString() == "ATTACHMENT")
            {
                var count = Math.Max(Number(field, "min") ?? 0, field.GetProperty("required").GetBoolean() ? 1 : 0);
                files.AddRange(Enumerable.Range(0, (int)count).Select(i => new WriteMultipart.FilePart(name, $"{name}-{i}.dat", [1, 2, 3])));
            }
            else if (field.GetProperty("required").GetBoolean() && field.GetProperty("default").ValueKind == JsonValueKind.Null)
            {
                parameters[name] = Required(field);
            }
        }

        var input = new Dictionary<string, object?>
        {
            ["application"] = application.GetProperty("key").GetString(),
            ["name"] = Required(application.GetProperty("nameField")),
            ["parameters"] = parameters,
            ["draft"] = true,
        };
        if (application.GetProperty("descriptionField").GetProperty("required").GetBoolean())
        {
            input["description"] = Required(application.GetProperty("descriptionField"));
        }

        return (input, files.ToArray());
    }

    /// <summary>The least value a user types into a required field: its type, within its bounds.</summary>
    private static object Required(JsonElement field)
    {
        var min = Number(field, "min");
        var max = Number(field, "max");
        return field.GetProperty("type").GetString() switch
        {
            "STRING" => new string('x', (int)Math.Max(min ?? 1, 1)),
            "INTEGER" => (long)Math.Ceiling(min ?? max ?? 1),
            "FLOAT" => min ?? max ?? 1.0,
            "SELECT" => field.GetProperty("choices")[0].GetProperty("value").GetString()!,
            var type => throw new InvalidOperationException($"No value to type for a {type} field."),
        };
    }

    private static double? Number(JsonElement field, string property) =>
        field.GetProperty(property) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
}
