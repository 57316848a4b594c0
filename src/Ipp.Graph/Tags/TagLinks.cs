using System.Linq.Expressions;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Ipp.Graph.Tags;

/// <summary>
/// Puts tags on rows of one kind, or takes them off: the links <typeparamref name="TLink"/> of a row's id and a tag's
/// (<c>library_entry_tags</c>, <c>experiment_tags</c>). A tag already on a row (or not on it) is no change. The caller
/// has checked the rows and tags and holds the transaction.
/// </summary>
/// <param name="row">The link's column naming the row.</param>
/// <param name="tag">The link's column naming the tag.</param>
/// <param name="link">A new link of a row and a tag.</param>
internal sealed class TagLinks<TLink>(Expression<Func<TLink, long>> row, Expression<Func<TLink, long>> tag, Func<long, long, TLink> link)
    where TLink : class
{
    private readonly Func<TLink, long> _rowOf = row.Compile();
    private readonly Func<TLink, long> _tagOf = tag.Compile();

    /// <summary>Puts every tag of <paramref name="tags"/> on every row of <paramref name="rows"/> (<paramref name="add"/>), or takes them off.</summary>
    public async Task ChangeAsync(IppDbContext db, IReadOnlyCollection<long> rows, IReadOnlyCollection<long> tags, bool add, CancellationToken cancellationToken)
    {
        var pairs = db.Set<TLink>().Where(Between(rows, tags));
        if (!add)
        {
            await pairs.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var present = (await pairs.AsNoTracking().ToListAsync(cancellationToken)).Select(l => (_rowOf(l), _tagOf(l))).ToHashSet();
        db.AddRange(
            from r in rows
            from t in tags
            where !present.Contains((r, t))
            select link(r, t));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The links of one of <paramref name="rows"/> and one of <paramref name="tags"/>, both lists SQL parameters.</summary>
    private Expression<Func<TLink, bool>> Between(IReadOnlyCollection<long> rows, IReadOnlyCollection<long> tags)
    {
        var parameter = Expression.Parameter(typeof(TLink), "link");
        return Expression.Lambda<Func<TLink, bool>>(
            Expression.AndAlso(In(rows, row, parameter), In(tags, tag, parameter)),
            parameter);
    }

    private static Expression In(IReadOnlyCollection<long> keys, Expression<Func<TLink, long>> column, ParameterExpression parameter) =>
        Expression.Call(
            typeof(Enumerable),
            nameof(Enumerable.Contains),
            [typeof(long)],
            QueryParameter.Of(keys.ToArray()),
            ReplacingExpressionVisitor.Replace(column.Parameters[0], parameter, column.Body));
}
