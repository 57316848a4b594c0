using Ipp.Graph.Applications;

namespace Ipp.Graph.Tests.Applications;

/// <summary>Small inline catalogues for tests: one application <c>app</c> with the given fields.</summary>
public static class CatalogText
{
    /// <summary>A catalogue holding one application, key <c>app</c>, whose required group holds <paramref name="fieldsJson"/>.</summary>
    public static string OneApplication(string fieldsJson, string optionalFieldsJson = "{}") =>
        "[{\"appKey\": \"app\", \"label\": \"App\", \"description\": \"<p>Test</p>\", \"fieldGroups\": {"
        + "\"required\": {\"label\": \"Required Fields\", \"open\": true, \"fields\": " + fieldsJson + "},"
        + "\"optional\": {\"label\": \"Options\", \"open\": false, \"fields\": " + optionalFieldsJson + "}}}]";

    /// <summary>The one application of <see cref="OneApplication"/>.</summary>
    public static Application Application(string fieldsJson, string optionalFieldsJson = "{}") =>
        ApplicationCatalog.Parse(OneApplication(fieldsJson, optionalFieldsJson)).All.Single();
}
