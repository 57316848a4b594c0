namespace Ipp.Graph.Applications;

/// <summary>Registers the <see cref="ApplicationCatalog"/>, read here so that a bad catalogue stops the server at start.</summary>
public static class ApplicationsServiceCollectionExtensions
{
    /// <summary>The setting naming the catalogue file; empty or absent: the catalogue shipped with the server.</summary>
    public const string CatalogPathSetting = "Applications:CatalogPath";

    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[CatalogPathSetting];
        var catalog = string.IsNullOrWhiteSpace(path) ? ApplicationCatalog.LoadShipped() : ApplicationCatalog.Load(path);
        return services.AddSingleton(catalog);
    }
}
