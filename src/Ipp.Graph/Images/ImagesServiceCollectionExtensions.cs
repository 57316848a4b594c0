namespace Ipp.Graph.Images;

/// <summary>Registers container images (settings section <c>Images</c>).</summary>
public static class ImagesServiceCollectionExtensions
{
    public static IServiceCollection AddImages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ImagesOptions>(configuration.GetSection(ImagesOptions.Section), options => options.Validate());
        services.AddSingleton<ImageService>();
        return services;
    }
}
