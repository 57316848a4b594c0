namespace Ipp.Graph.Applications;

/// <summary>
/// The applications experiments can run, read once at start from the catalogue file (setting
/// <c>Applications:CatalogPath</c>) or, by default, from the small catalogue shipped inside the server.
/// </summary>
public sealed class ApplicationCatalog
{
    /// <summary>The name of the shipped catalogue, embedded in the server assembly (source: Applications/applications.json).</summary>
    public const string ShippedResourceName = "applications.json";

    private readonly Dictionary<string, Application> _byKey;

    /// <param name="applications">The applications in the catalogue's order; their keys must be distinct.</param>
    public ApplicationCatalog(IReadOnlyList<Application> applications)
    {
        All = applications;
        _byKey = new Dictionary<string, Application>(applications.Count, StringComparer.Ordinal);
        foreach (var application in applications)
        {
            if (!_byKey.TryAdd(application.Key, application))
            {
                throw new ArgumentException($"Two applications have the key '{application.Key}'.", nameof(applications));
            }
        }
    }

    /// <summary>Every application, in the catalogue's order.</summary>
    public IReadOnlyList<Application> All { get; }

    /// <summary>The application with this key (compared exactly), or null.</summary>
    public Application? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Reads a catalogue file in the IPP portal's format; a missing or invalid file is an <see cref="ApplicationCatalogException"/>.</summary>
    public static ApplicationCatalog Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApplicationCatalogException($"The application catalogue {fullPath} cannot be read: {e.Message}", e);
        }

        return new ApplicationCatalog(ApplicationCatalogReader.Read(json, fullPath));
    }

    /// <summary>Reads a catalogue from its text; <paramref name="source"/> names it in messages.</summary>
    public static ApplicationCatalog Parse(string json, string source = "(text)") =>
        new(ApplicationCatalogReader.Read(System.Text.Encoding.UTF8.GetBytes(json), source));

    /// <summary>The catalogue shipped inside the server: a few applications of our own, one per kind of field.</summary>
    public static ApplicationCatalog LoadShipped()
    {
        using var stream = typeof(ApplicationCatalog).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"{ShippedResourceName} is not embedded in the server assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ApplicationCatalog(ApplicationCatalogReader.Read(copy.ToArray(), "shipped with the server"));
    }
}
