using Ipp.Graph.Authorization;

namespace Ipp.Graph.Applications;

/// <summary>
/// Registers the <see cref="ApplicationCatalog"/> and its <see cref="ApplicationCategories"/>, read here so that a bad
/// catalogue or categories file stops the server at start, who may see which (<see cref="ApplicationVisibility"/>),
/// and the page sizes of <c>storedParameters</c> (<see cref="StoredParametersOptions"/>).
/// </summary>
public static class ApplicationsServiceCollectionExtensions
{
    /// <summary>The setting naming the catalogue file; empty or absent: the catalogue shipped with the server.</summary>
    public const string CatalogPathSetting = "Applications:CatalogPath";

    /// <summary>The setting naming the categories file; empty or absent: no categories, every application open to everyone.</summary>
    public const string CategoriesPathSetting = "Applications:CategoriesPath";

    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[CatalogPathSetting];
        var catalog = string.IsNullOrWhiteSpace(path) ? ApplicationCatalog.LoadShipped() : ApplicationCatalog.Load(path);
        var categoriesPath = configuration[CategoriesPathSetting];
        var categories = string.IsNullOrWhiteSpace(categoriesPath) ? ApplicationCategories.None : ApplicationCategories.Load(categoriesPath, catalog);
        services.AddSingleton(catalog);
        services.AddSingleton(categories);
        services.AddSingleton(new ApplicationVisibility(categories));
        services.AddHostedService<UnknownCategoryApplications>();
        services.AddValidatedSettings<StoredParametersOptions>(configuration.GetSection(StoredParametersOptions.Section), options => options.Validate());
        return services;
    }
}
