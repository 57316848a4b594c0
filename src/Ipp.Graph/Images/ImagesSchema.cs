using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Images.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Images;

/// <summary>
/// The container images of the contract: <c>images</c> (with <c>images:read</c>) and the <c>ContainerImage</c> node,
/// both as <see cref="ImageVisibility"/> decides. The mutations are <see cref="ImageMutations"/>.
/// </summary>
public static class ImagesSchema
{
    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<ImageView>("ContainerImage")
            .BindConnection<ContainerImage, ImageView>("ContainerImagesConnection", "ContainerImagesEdge", ImageView.Of)
            .Resolve("Query.images", ImagesAsync);
        ImageMutations.Bind(schema);
        nodes.Add(ImageView.TypeName, FindAsync);
    }

    private static ValueTask<object?> ImagesAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var policy = context.Service<AccessPolicy>();
        return new(ImagesList.Definition.Connect(context, db => ImageVisibility.Seen(db, policy, caller).AsNoTracking().Include(i => i.Roles)));
    }

    /// <summary>The image with this id the caller sees, through the request's data loader (one query per response); null otherwise.</summary>
    private static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var policy = context.Service<AccessPolicy>();
        var loader = context.Request.DataLoader<long, ImageView>("seenImages", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await ImageVisibility.Seen(db, policy, caller).AsNoTracking().Include(i => i.Roles)
                .Where(i => ids.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, ImageView.Of, cancellationToken);
            return (IReadOnlyDictionary<long, ImageView>)found;
        });
        return await loader.LoadAsync(key);
    }
}
