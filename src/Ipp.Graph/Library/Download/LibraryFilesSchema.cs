using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// <c>LibraryEntry.downloadUrl</c> and <c>LibraryEntry.files</c> (the entry's stored files, by path, in pages with
/// keyset cursors: one query per page), and the download endpoints (<see cref="LibraryDownloader"/>).
/// </summary>
public static class LibraryFilesSchema
{
    private static readonly ListDefinition<LibraryFileRow> Files = new()
    {
        Name = "libraryFiles",
        Filters = new Dictionary<string, ListFilterField<LibraryFileRow>>(StringComparer.Ordinal),
        SortKeys = [ListSortKey<LibraryFileRow>.Text("path", file => file.Path)],
        Id = file => file.Id,
        DefaultOrder = ("path", false),
        PageSizes = ListPageSizes.Of<LibraryDownloadOptions>,
    };

    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<LibraryFileRow>("LibraryFile")
            .BindConnection<LibraryFileRow, LibraryFileRow>("LibraryFilesConnection", "LibraryFilesEdge", file => file)
            .Resolve("LibraryFile.downloadUrl", context =>
            {
                var file = context.ParentAs<LibraryFileRow>();
                var urls = context.Service<LibraryDownloadUrls>();
                return new(file.InFolder ? urls.File(file.EntryId, file.Path) : urls.Content(file.EntryId));
            })
            .Resolve("LibraryEntry.downloadUrl", context =>
                new(context.Service<LibraryDownloadUrls>().Content(context.ParentAs<LibraryEntry>().Id)))
            .Resolve("LibraryEntry.files", FilesOf);

    /// <summary>Registers the downloads' settings and services.</summary>
    public static IServiceCollection AddLibraryDownloads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<LibraryDownloadOptions>(configuration.GetSection(LibraryDownloadOptions.Section), options => options.Validate());
        services.AddHttpContextAccessor();
        services.AddSingleton<LibraryDownloadUrls>();
        services.AddSingleton<LibraryDownloader>();
        return services;
    }

    /// <summary>Serves <c>GET</c> and <c>HEAD</c> of <see cref="LibraryDownloadUrls.ContentRoute"/> and <see cref="LibraryDownloadUrls.FileRoute"/>.</summary>
    public static IEndpointRouteBuilder MapLibraryDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(LibraryDownloadUrls.ContentRoute, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, LibraryDownloader downloads) => downloads.ContentAsync(http));
        endpoints.MapMethods(LibraryDownloadUrls.FileRoute, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, LibraryDownloader downloads) => downloads.FileAsync(http));
        return endpoints;
    }

    private static ValueTask<object?> FilesOf(ResolveContext context)
    {
        var entry = context.ParentAs<LibraryEntry>();
        var (id, name) = (entry.Id, entry.Name);
        return new(Files.Connect(context, db => db.Set<LibraryFile>().AsNoTracking().Where(f => f.EntryId == id).Select(f => new LibraryFileRow
        {
            Id = f.Id,
            EntryId = f.EntryId,
            Path = f.Path ?? name,
            InFolder = f.Path != null,
            Size = f.Size,
            Sha256 = f.Sha256,
        })));
    }
}
