using Microsoft.Extensions.Options;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>Registers the <see cref="IBlobStore"/> that <c>Storage:Provider</c> names, its settings checked at start.</summary>
public static class BlobStoreServiceCollectionExtensions
{
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<BlobStorageOptions>(configuration.GetSection(BlobStorageOptions.Section), options => options.Validate());
        return services.AddSingleton<IBlobStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value;
            return options.Provider == BlobStorageProvider.WebDav
                ? new WebDavBlobStore(options.WebDav)
                : new LocalBlobStore(options.Local.Path);
        });
    }
}
