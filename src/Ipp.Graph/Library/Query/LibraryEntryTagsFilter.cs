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
/// <c>none</c>, <c>any</c>. An id that names no tag is no error: it matches no tag of any entry. <c>some</c> and
/// <c>none</c> are the entry's id IN (or NOT IN) the entries such a tag is on (<see cref="EntriesWhere"/>; the name
/// through the <c>tags</c> table), <c>any</c> an EXISTS on the entry's tags.
/// </summary>
internal static class LibraryEntryTagsFilter
{
    /// <summary>The key standing for an id that names no tag: the databases number tags from 1.</summary>
    private const long NoTag = 0;

    /// <summary>The tags table a name condition reads, a placeholder until <see cref="Bind"/> puts the query's database in.</summary>
    private static readonly ParameterExpression TagsTable = Expression.Parameter(typeof(IQueryable<Tag>), "tags");

    /// <summary>The table of the entries' tags, a placeholder until <see cref="Bind"/> puts the query's database in.</summary>
    private static readonly ParameterExpression EntryTagsTable = Expression.Parameter(typeof(IQueryable<LibraryEntryTag>), "entryTags");

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
                    typeof(Queryable),
                    nameof(Queryable.Contains),
                    [typeof(long)],
                    EntriesWhere(Expression.Lambda<Func<LibraryEntryTag, bool>>(matches, entryTag)),
                    Expression.Property(ListFilter<LibraryEntry>.Entity, nameof(LibraryEntry.Id))));
    }

    /// <summary>
    /// <c>SELECT entry_id FROM library_entry_tags WHERE …</c>: the entries some tag matching <paramref name="matches"/>
    /// is on, a subquery that does not depend on the row, which the database may read first through the tag's index
    /// (<c>(tag_id, entry_id)</c>) and then fetch those entries alone, however rare or old they are, where an EXISTS
    /// for each row would read the list's rows in order until a page is full.
    /// </summary>
    private static Expression EntriesWhere(Expression<Func<LibraryEntryTag, bool>> matches)
    {
        var entryTag = Expression.Parameter(typeof(LibraryEntryTag), "tagged");
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(LibraryEntryTag)], EntryTagsTable, Expression.Quote(matches));
        return Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Select),
            [typeof(LibraryEntryTag), typeof(long)],
            where,
            Expression.Quote(Expression.Lambda<Func<LibraryEntryTag, long>>(Expression.Property(entryTag, nameof(LibraryEntryTag.EntryId)), entryTag)));
    }

    /// <summary>The filter reading the tables of <paramref name="db"/> (the placeholders replaced).</summary>
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

    /// <summary>Puts <c>db.Set&lt;…&gt;()</c> where a placeholder is, as a captured context reads in a query written by hand.</summary>
    private sealed class Placeholder(IppDbContext db) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == TagsTable ? Expression.Call(Expression.Constant(db), nameof(IppDbContext.Set), [typeof(Tag)])
            : node == EntryTagsTable ? Expression.Call(Expression.Constant(db), nameof(IppDbContext.Set), [typeof(LibraryEntryTag)])
            : node;
    }
}
