using Ipp.Graph.Data;
using Ipp.Graph.Library.Download;
using Ipp.Graph.Library.Entries;
using Ipp.Graph.Library.Live;
using Ipp.Graph.Library.Sharing;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Tags;

namespace Ipp.Graph.Library;

/// <summary>Registers the data library (settings section <c>Library</c>; its bytes live in the blob store, <c>Storage</c>).</summary>
public static class LibraryServiceCollectionExtensions
{
    public static IServiceCollection AddLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<LibraryOptions>(configuration.GetSection(LibraryOptions.Section), options => options.Validate());
        services.AddSingleton<LibraryUploader>();

        // Upload: the owner's live announcements of stored entries.
        services.AddSingleton<StoredEntryHub>();
        services.AddPerProvider<ILibraryEntryAnnouncements, InProcessLibraryEntryAnnouncements, PostgreSqlLibraryEntryAnnouncements>(configuration);
        // Upload: the sweep of what failed uploads left in the blob store.
        services.AddSingleton<LibraryOrphanSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<LibraryOrphanSweep>());
        // The files list's pages, rename, delete and tagging; the tags.
        services.AddValidatedSettings<LibraryEntriesOptions>(configuration.GetSection(LibraryOptions.Section), options => options.Validate());
        services.AddSingleton<LibraryEntryChanges>();
        services.AddTags(configuration);
        // Downloads and sharing.
        services.AddLibraryDownloads(configuration);
        services.AddLibrarySharing(configuration);
        return services;
    }
}
