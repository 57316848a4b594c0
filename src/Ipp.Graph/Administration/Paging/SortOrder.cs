using System.Collections;
using System.Linq.Expressions;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Administration.Paging;

/// <summary>
/// The order of an administration list (<c>order:</c>, HotChocolate's sorting shape: a list of sort inputs, one field
/// per entry, the first sorting first), ending with the row's id so no two rows tie and pages are stable; the id
/// follows the direction of the last key given. A key given twice sorts by its first appearance only.
/// </summary>
internal sealed class SortOrder<T>
{
    private readonly List<(SortKey<T> Key, bool Descending)> _keys;

    private SortOrder(List<(SortKey<T> Key, bool Descending)> keys) => _keys = keys;

    /// <summary>The order a coerced <c>order</c> argument asks for, of the <paramref name="keys"/> by field name; <paramref name="byDefault"/> when it names none.</summary>
    public static SortOrder<T> From(object? order, IReadOnlyDictionary<string, SortKey<T>> keys, (string Field, bool Descending) byDefault, SortKey<T> id)
    {
        var chosen = new List<(SortKey<T> Key, bool Descending)>();
        foreach (var entry in order as IEnumerable ?? Array.Empty<object>())
        {
            var given = (entry as IReadOnlyDictionary<string, object?>)?.Where(field => field.Value is not null).ToList() ?? [];
            if (given.Count > 1)
            {
                throw new GraphQLError(
                    "Each entry of `order` sorts by one field; give the others as further entries, in the order they apply.", code: ErrorCodes.BadUserInput);
            }

            foreach (var (field, direction) in given)
            {
                var key = keys[field];
                if (!chosen.Exists(k => k.Key == key))
                {
                    chosen.Add((key, direction is "DESC"));
                }
            }
        }

        if (chosen.Count == 0)
        {
            chosen.Add((keys[byDefault.Field], byDefault.Descending));
        }

        chosen.Add((id, chosen[^1].Descending));
        return new SortOrder<T>(chosen);
    }

    public IQueryable<T> Apply(IQueryable<T> query)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            query = _keys[i].Key.AppendTo(query, first: i == 0, _keys[i].Descending);
        }

        return query;
    }
}

/// <summary>A column a list can be sorted by.</summary>
internal abstract class SortKey<T>
{
    public abstract IOrderedQueryable<T> AppendTo(IQueryable<T> query, bool first, bool descending);

    public static SortKey<T> By<TKey>(Expression<Func<T, TKey>> selector) => new Typed<TKey>(selector);

    private sealed class Typed<TKey>(Expression<Func<T, TKey>> selector) : SortKey<T>
    {
        public override IOrderedQueryable<T> AppendTo(IQueryable<T> query, bool first, bool descending) => (first, descending) switch
        {
            (true, false) => query.OrderBy(selector),
            (true, true) => query.OrderByDescending(selector),
            (false, false) => ((IOrderedQueryable<T>)query).ThenBy(selector),
            (false, true) => ((IOrderedQueryable<T>)query).ThenByDescending(selector),
        };
    }
}
