namespace Ipp.Graph.Tags;

/// <summary>Registers the tags (settings section <c>Tags</c>).</summary>
public static class TagsServiceCollectionExtensions
{
    public static IServiceCollection AddTags(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<TagsOptions>(configuration.GetSection(TagsOptions.Section), options => options.Validate());
        services.AddSingleton<TagService>();
        return services;
    }
}
