using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tags;

/// <summary>
/// The <c>Tag</c> type (the <see cref="Tag"/> entity), <c>tags</c> (the caller's own and the custom ones, with
/// <c>tags:read</c>) and <c>node(id:)</c> for those same tags; the mutations are <see cref="TagMutations"/>.
/// </summary>
public static class TagsSchema
{
    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<Tag>("Tag")
            .BindEnum<TagKind>("TagKind")
            .Resolve("Tag.id", context => new(GlobalId.Encode(TagService.TypeName, context.ParentAs<Tag>().Id)))
            .Resolve("Tag.kind", context => new(KindOf(context.ParentAs<Tag>())))
            .Resolve("Query.tags", AllAsync);
        TagMutations.Bind(schema);
        nodes.Add(TagService.TypeName, FindAsync);
    }

    /// <summary>The kind of a tag: a custom one has no owner.</summary>
    public static TagKind KindOf(Tag tag) => tag.OwnerId is null ? TagKind.Custom : TagKind.Own;

    /// <summary>The caller's own tags and the custom ones, by name (compared without regard to case), the caller's first on a tie.</summary>
    private static async ValueTask<object?> AllAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await TagService.Usable(db, caller.UserId).AsNoTracking()
            .OrderBy(t => t.NormalizedName).ThenBy(t => t.OwnerId == null).ThenBy(t => t.Id)
            .ToArrayAsync(context.CancellationToken);
    }

    /// <summary>The tag with this id, when it is the caller's own or a custom one and they hold <c>tags:read</c>; null otherwise.</summary>
    private static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller || !context.Service<AccessPolicy>().Holds(caller, Permission.TagsRead))
        {
            return null;
        }

        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await TagService.Usable(db, caller.UserId).AsNoTracking().FirstOrDefaultAsync(t => t.Id == key, context.CancellationToken);
    }
}
