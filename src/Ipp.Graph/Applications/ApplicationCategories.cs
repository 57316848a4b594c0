using System.Text.Json;
using Ipp.Graph.Groups;

namespace Ipp.Graph.Applications;

/// <summary>
/// The catalogue's categories, read once at start from the file the setting <c>Applications:CategoriesPath</c>
/// names (none without it), in the IPP portal's format: <c>{categoryKey: {label, description, apps: [appKey],
/// groups?: [group name]}}</c>. A file that cannot be read or is out of shape stops the server at start
/// (<see cref="ApplicationCatalogException"/>); a key the catalogue lacks is left out and reported in
/// <see cref="UnknownApplications"/> (the portal's own file names four such applications), logged at start.
/// </summary>
public sealed class ApplicationCategories
{
    private readonly Dictionary<string, List<ApplicationCategory>> _byApplication = new(StringComparer.Ordinal);

    /// <param name="categories">The categories in the file's order; their keys must be distinct.</param>
    /// <param name="unknownApplications">Each key the file named that the catalogue lacks, with its category.</param>
    public ApplicationCategories(IReadOnlyList<ApplicationCategory> categories, IReadOnlyList<string> unknownApplications)
    {
        All = categories;
        UnknownApplications = unknownApplications;
        foreach (var category in categories)
        {
            foreach (var application in category.Applications)
            {
                if (!_byApplication.TryGetValue(application.Key, out var of))
                {
                    _byApplication[application.Key] = of = [];
                }

                of.Add(category);
            }
        }
    }

    /// <summary>No categories: every application is open to everyone.</summary>
    public static ApplicationCategories None { get; } = new([], []);

    /// <summary>Every category, in the file's order.</summary>
    public IReadOnlyList<ApplicationCategory> All { get; }

    /// <summary>The keys the file named that the catalogue lacks, as <c>category/appKey</c>.</summary>
    public IReadOnlyList<string> UnknownApplications { get; }

    /// <summary>The categories holding the application with this key, in the file's order.</summary>
    public IReadOnlyList<ApplicationCategory> Of(string applicationKey) =>
        _byApplication.TryGetValue(applicationKey, out var of) ? of : [];

    /// <summary>Reads the categories file at <paramref name="path"/> against <paramref name="catalog"/>.</summary>
    public static ApplicationCategories Load(string path, ApplicationCatalog catalog)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApplicationCatalogException($"The application categories {fullPath} cannot be read: {e.Message}", e);
        }

        return Read(json, catalog, fullPath);
    }

    /// <summary>Reads categories from their text; <paramref name="source"/> names it in messages.</summary>
    public static ApplicationCategories Parse(string json, ApplicationCatalog catalog, string source = "(text)") =>
        Read(System.Text.Encoding.UTF8.GetBytes(json), catalog, source);

    private static ApplicationCategories Read(byte[] json, ApplicationCatalog catalog, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ApplicationCatalogException($"The application categories {source} are not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "the file must be a JSON object of categories by key.");
            }

            var categories = new List<ApplicationCategory>();
            var unknown = new List<string>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!keys.Add(property.Name))
                {
                    throw Invalid(source, $"the category '{property.Name}' is given twice.");
                }

                categories.Add(ReadCategory(property.Name, property.Value, catalog, unknown, source));
            }

            return new ApplicationCategories(categories, unknown);
        }
    }

    private static ApplicationCategory ReadCategory(string key, JsonElement element, ApplicationCatalog catalog, List<string> unknown, string source)
    {
        var where = $"category '{key}'";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where} must be a JSON object.");
        }

        var label = element.TryGetProperty("label", out var labelValue) && labelValue.ValueKind == JsonValueKind.String && labelValue.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(source, $"{where}: label must be a non-empty string.");
        var description = !element.TryGetProperty("description", out var descriptionValue) || descriptionValue.ValueKind == JsonValueKind.Null ? ""
            : descriptionValue.ValueKind == JsonValueKind.String ? descriptionValue.GetString()!
            : throw Invalid(source, $"{where}: description must be a string.");

        var applications = new List<Application>();
        foreach (var appKey in Texts(element, "apps", where, source, required: true))
        {
            if (catalog.Find(appKey) is not { } application)
            {
                unknown.Add($"{key}/{appKey}");
            }
            else if (!applications.Contains(application))
            {
                applications.Add(application);
            }
        }

        var groups = Texts(element, "groups", where, source, required: false).Select(GroupNames.Normalize).ToHashSet(StringComparer.Ordinal);
        return new ApplicationCategory(key, label, description, applications, groups);
    }

    /// <summary>The non-empty strings of the array <paramref name="property"/> (none when optional and absent).</summary>
    private static IEnumerable<string> Texts(JsonElement element, string property, string where, string source, bool required)
    {
        if (!element.TryGetProperty(property, out var array) || (!required && array.ValueKind == JsonValueKind.Null))
        {
            return required ? throw Invalid(source, $"{where}: {property} must be an array of non-empty strings.") : [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, $"{where}: {property} must be an array of non-empty strings.");
        }

        var texts = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            texts.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { } text && text.Trim().Length > 0
                ? text
                : throw Invalid(source, $"{where}: {property} must be an array of non-empty strings."));
        }

        return texts;
    }

    private static ApplicationCatalogException Invalid(string source, string problem) =>
        new($"The application categories {source} are not valid: {problem}");
}
