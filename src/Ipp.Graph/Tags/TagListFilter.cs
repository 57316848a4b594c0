using System.Linq.Expressions;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tags.Entities;

namespace Ipp.Graph.Tags;

/// <summary>
/// The <c>tags</c> field of a list's <c>where</c> (HotChocolate's list filter over the row's tags, the
/// <c>TagListFilterInput</c> of <c>files</c> and <c>experiments</c>) for rows of <typeparamref name="TRow"/> whose tags
/// are the links <typeparamref name="TLink"/> (a row's id and a tag's):
/// <c>{some: {id: {eq: $tag}}}</c>, <c>{some: {name: {eq: "raw"}}}</c> (names compared without regard to case),
/// <c>none</c>, <c>any</c>. An id that names no tag is no error: it matches no tag of any row. <c>some</c> and
/// <c>none</c> are the row's id IN (or NOT IN) the rows such a tag is on (<see cref="RowsWhere"/>; the name through
/// the <c>tags</c> table), <c>any</c> an EXISTS on the row's tags.
/// </summary>
/// <param name="tags">The row's navigation to its links (<c>LibraryEntry.Tags</c>).</param>
/// <param name="rowId">The link's column naming the row (<c>LibraryEntryTag.EntryId</c>).</param>
/// <param name="tagId">The link's column naming the tag.</param>
internal sealed class TagListFilter<TRow, TLink>(string tags, string rowId, string tagId)
    where TRow : class
    where TLink : class
{
    /// <summary>The key standing for an id that names no tag: the databases number tags from 1.</summary>
    private const long NoTag = 0;

    /// <summary>The tags table a name condition reads, a placeholder until <see cref="Bind"/> puts the query's database in.</summary>
    private static readonly ParameterExpression TagsTable = Expression.Parameter(typeof(IQueryable<Tag>), "tags");

    /// <summary>The table of the rows' tags, a placeholder until <see cref="Bind"/> puts the query's database in.</summary>
    private static readonly ParameterExpression LinksTable = Expression.Parameter(typeof(IQueryable<TLink>), "links");

    /// <summary>A row of the tags table, in a name condition.</summary>
    private static readonly ParameterExpression TagRow = Expression.Parameter(typeof(Tag), "tag");

    /// <summary>The condition of a <c>TagListFilterInput</c>; a <see cref="ListFilterField{T}"/>.</summary>
    public Expression? Build(ListFilter<TRow> filter, object operations, int depth)
    {
        var link = Expression.Parameter(typeof(TLink), "link");
        var tagsOfRow = Expression.Property(ListFilter<TRow>.Entity, tags);
        return ListFilter<TRow>.List(
            operations,
            depth,
            (value, itemDepth) => Item(filter, (IReadOnlyDictionary<string, object?>)value, itemDepth, link),
            matches => matches is null
                ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TLink)], tagsOfRow)
                : Expression.Call(
                    typeof(Queryable),
                    nameof(Queryable.Contains),
                    [typeof(long)],
                    RowsWhere(Expression.Lambda<Func<TLink, bool>>(matches, link)),
                    Expression.Property(ListFilter<TRow>.Entity, "Id")));
    }

    /// <summary>The filter reading the tables of <paramref name="db"/> (the placeholders replaced); a list's <c>BindFilter</c>.</summary>
    public Expression<Func<TRow, bool>> Bind(Expression<Func<TRow, bool>> filter, IppDbContext db) =>
        (Expression<Func<TRow, bool>>)new Placeholder(db).Visit(filter);

    /// <summary>
    /// <c>SELECT row_id FROM links WHERE …</c>: the rows some tag matching <paramref name="matches"/> is on, a
    /// subquery that does not depend on the row, which the database may read first through the tag's index
    /// (<c>(tag_id, row_id)</c>) and then fetch those rows alone, however rare or old they are, where an EXISTS
    /// for each row would read the list's rows in order until a page is full.
    /// </summary>
    private Expression RowsWhere(Expression<Func<TLink, bool>> matches)
    {
        var tagged = Expression.Parameter(typeof(TLink), "tagged");
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TLink)], LinksTable, Expression.Quote(matches));
        return Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Select),
            [typeof(TLink), typeof(long)],
            where,
            Expression.Quote(Expression.Lambda<Func<TLink, long>>(Expression.Property(tagged, rowId), tagged)));
    }

    /// <summary>The condition of one <c>TagFilterInput</c> on a row's tag: its id's and its name's, both when both are given.</summary>
    private Expression? Item(ListFilter<TRow> filter, IReadOnlyDictionary<string, object?> fields, int depth, ParameterExpression link)
    {
        var linkedTag = Expression.Property(link, tagId);
        var byId = fields.TryGetValue("id", out var id) && id is not null
            ? filter.Values(linkedTag, id, depth, "IdOperationFilterInput", Key)
            : null;
        if (!fields.TryGetValue("name", out var name) || name is null
            || filter.Text(Expression.Property(TagRow, nameof(Tag.NormalizedName)), name, depth, normalize: TagNames.Normalize) is not { } named)
        {
            return byId;
        }

        var sameTag = Expression.Equal(Expression.Property(TagRow, nameof(Tag.Id)), linkedTag);
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
            : node == LinksTable ? Expression.Call(Expression.Constant(db), nameof(IppDbContext.Set), [typeof(TLink)])
            : node;
    }
}
