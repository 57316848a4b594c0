using Ipp.Graph.Library.Download;
using Ipp.Graph.Library.Sharing;
using Ipp.Graph.Library.Upload;

namespace Ipp.Graph.Library;

/// <summary>Registers the data library (settings section <c>Library</c>; its bytes live in the blob store, <c>Storage</c>).</summary>
public static class LibraryServiceCollectionExtensions
{
    public static IServiceCollection AddLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<LibraryOptions>(configuration.GetSection(LibraryOptions.Section), options => options.Validate());
        services.AddSingleton<LibraryUploader>();

        // Downloads and sharing.
        services.AddLibraryDownloads(configuration);
        services.AddLibrarySharing(configuration);
        return services;
    }
}
