using System.Linq.Expressions;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags;
using Ipp.Graph.Tags.Entities;

namespace Ipp.Graph.Library.Query;

/// <summary>
/// The <c>tags</c> field of <c>files(where:)</c> (HotChocolate's list filter over the entry's tags):
/// <c>{some: {id: {eq: $tag}}}</c>, <c>{some: {name: {eq: "raw"}}}</c> (names compared without regard to case),
/// <c>none</c>, <c>any</c>. An id that names no tag is no error: it matches no tag of any entry. Each condition is an
/// EXISTS on the entry's tags (the name through the <c>tags</c> table), which the database answers by its indexes.
/// </summary>
internal static class LibraryEntryTagsFilter
{
    /// <summary>The key standing for an id that names no tag: the databases number tags from 1.</summary>
    private const long NoTag = 0;

    /// <summary>The tags table a name condition reads, a placeholder until <see cref="Bind"/> puts the query's database in.</summary>
    private static readonly ParameterExpression TagsTable = Expression.Parameter(typeof(IQueryable<Tag>), "tags");

    /// <summary>A row of the tags table, in a name condition.</summary>
    private static readonly ParameterExpression TagRow = Expression.Parameter(typeof(Tag), "tag");

    /// <summary>The condition of a <c>TagListFilterInput</c>.</summary>
    public static Expression? Build(ListFilter<LibraryEntry> filter, object operations, int depth)
    {
        var entryTag = Expression.Parameter(typeof(LibraryEntryTag), "entryTag");
        var tagsOfEntry = Expression.Property(ListFilter<LibraryEntry>.Entity, nameof(LibraryEntry.Tags));
        return ListFilter<LibraryEntry>.List(
            operations,
            depth,
            (value, itemDepth) => Item(filter, (IReadOnlyDictionary<string, object?>)value, itemDepth, entryTag),
            matches => matches is null
                ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(LibraryEntryTag)], tagsOfEntry)
                : Expression.Call(
                    typeof(Enumerable), nameof(Enumerable.Any), [typeof(LibraryEntryTag)], tagsOfEntry, Expression.Lambda<Func<LibraryEntryTag, bool>>(matches, entryTag)));
    }

    /// <summary>The filter reading the tags of <paramref name="db"/> (the placeholder replaced).</summary>
    public static Expression<Func<LibraryEntry, bool>> Bind(Expression<Func<LibraryEntry, bool>> filter, IppDbContext db) =>
        (Expression<Func<LibraryEntry, bool>>)new Placeholder(db).Visit(filter);

    /// <summary>The condition of one <c>TagFilterInput</c> on an entry's tag: its id's and its name's, both when both are given.</summary>
    private static Expression? Item(ListFilter<LibraryEntry> filter, IReadOnlyDictionary<string, object?> fields, int depth, ParameterExpression entryTag)
    {
        var tagId = Expression.Property(entryTag, nameof(LibraryEntryTag.TagId));
        var byId = fields.TryGetValue("id", out var id) && id is not null
            ? filter.Values(tagId, id, depth, "IdOperationFilterInput", Key)
            : null;
        if (!fields.TryGetValue("name", out var name) || name is null
            || filter.Text(Expression.Property(TagRow, nameof(Tag.NormalizedName)), name, depth, normalize: TagNames.Normalize) is not { } named)
        {
            return byId;
        }

        var sameTag = Expression.Equal(Expression.Property(TagRow, nameof(Tag.Id)), tagId);
        var byName = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Any),
            [typeof(Tag)],
            TagsTable,
            Expression.Quote(Expression.Lambda<Func<Tag, bool>>(Expression.AndAlso(sameTag, named), TagRow)));
        return byId is null ? byName : Expression.AndAlso(byId, byName);
    }

    private static long Key(object id) => GlobalId.TryDecode((string)id, TagService.TypeName, out var key) ? key : NoTag;

    /// <summary>Puts <c>db.Set&lt;Tag&gt;()</c> where the placeholder is, as a captured context reads in a query written by hand.</summary>
    private sealed class Placeholder(IppDbContext db) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == TagsTable ? Expression.Call(Expression.Constant(db), nameof(IppDbContext.Set), [typeof(Tag)]) : node;
    }
}
