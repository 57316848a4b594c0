using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Images;

/// <summary>
/// An image as the catalogue's <see cref="Application"/>, so an experiment's parameters on an image are checked by
/// the one <see cref="ParameterValidator"/>: keyed by the image's global id, named after it, its parameters the
/// fields. The keys <c>experimentName</c>/<c>experimentDescription</c> are refused by <see cref="ImageParameters"/>,
/// so an experiment's name and description are always its own inputs.
/// </summary>
public static class ImageApplication
{
    public static Application Of(ImageView image) => new(image.Id, image.Name, description: null, image.Parameters) { Image = image };

    /// <summary>
    /// The images the request's caller may use (<see cref="ImageVisibility.Seen"/>) as applications, in the images'
    /// own order (by name, then id, as <c>images</c> without <c>order</c>); none for an anonymous caller. Read in one
    /// query the first time a request asks and kept for the rest of it (a data loader), so a page of experiments each
    /// asking its application costs that one query; images are few (a maintainer registers each), so all of them are
    /// read rather than one by one.
    /// </summary>
    public static ValueTask<IReadOnlyList<Application>> UsableAsync(ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return new([]);
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var policy = context.Service<AccessPolicy>();
        return context.Request.DataLoader<long, IReadOnlyList<Application>>("usableImages", async (callers, cancellationToken) =>
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var images = await ImageVisibility.Seen(db, policy, caller).AsNoTracking().Include(i => i.Roles)
                .OrderBy(i => i.NormalizedName).ThenBy(i => i.Id)
                .TagWith("applications: images")
                .ToListAsync(cancellationToken);
            IReadOnlyList<Application> usable = [.. images.Select(image => Of(ImageView.Of(image)))];
            return [.. callers.Select(_ => usable)];
        }).LoadAsync(caller.UserId);
    }
}
