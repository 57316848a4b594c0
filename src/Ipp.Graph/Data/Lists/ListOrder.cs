using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text.Json;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// The order of a list's page (<c>order:</c>, HotChocolate's sorting shape: a list of sort inputs, one field per
/// entry, the first entry sorting first), always ending with the id so no two rows tie; without <c>order</c>, the
/// list's default order. The id follows the direction of the last key given.
/// Cursors are keyset cursors: the row's values of every key, with the list and order they belong to, in URL-safe
/// base64 of a JSON array. A page after (or before) a cursor is the rows beyond those values in SQL, so pages stay
/// right when rows are added or removed in between; a cursor made for another order or another list is refused
/// (HC0078).
/// </summary>
internal sealed class ListOrder<T>
    where T : class
{
    /// <summary>The longest cursor read; ours are far shorter.</summary>
    private const int MaxCursorLength = 2048;

    private readonly (ListSortKey<T> Key, bool Descending)[] _keys;
    private readonly string _signature;

    private ListOrder(string list, (ListSortKey<T> Key, bool Descending)[] keys)
    {
        _keys = keys;
        _signature = list + ":" + string.Join(",", keys.Select(k => k.Key.Name + (k.Descending ? ":DESC" : ":ASC")));
    }

    /// <summary>The order a coerced <c>order</c> argument asks for in the list <paramref name="definition"/> declares.</summary>
    public static ListOrder<T> From(object? order, ListDefinition<T> definition)
    {
        var keys = new List<(ListSortKey<T> Key, bool Descending)>();
        if (order is System.Collections.IEnumerable entries)
        {
            foreach (var entry in entries)
            {
                if (entry is not IReadOnlyDictionary<string, object?> fields)
                {
                    continue;
                }

                var given = fields.Where(f => f.Value is not null).ToList();
                if (given.Count > 1)
                {
                    throw new GraphQLError(
                        "Each entry of `order` sorts by one field; give the others as further entries, in the order they apply.",
                        code: ErrorCodes.BadUserInput);
                }

                foreach (var (field, direction) in given)
                {
                    var key = SortKey(definition, field);

                    // A key given twice sorts by its first appearance only: the later one could not change the order.
                    if (!keys.Exists(k => k.Key == key))
                    {
                        keys.Add((key, direction is "DESC"));
                    }
                }
            }
        }

        if (keys.Count == 0)
        {
            keys.Add((SortKey(definition, definition.DefaultOrder.Field), definition.DefaultOrder.Descending));
        }

        keys.Add((definition.IdKey, keys[^1].Descending));
        return new ListOrder<T>(definition.Name, [.. keys]);
    }

    private static ListSortKey<T> SortKey(ListDefinition<T> definition, string field)
    {
        foreach (var key in definition.SortKeys)
        {
            if (key.Name == field)
            {
                return key;
            }
        }

        throw new InvalidOperationException($"The sort input of {definition.Name} has no field '{field}'.");
    }

    /// <summary>Sorts the query in this order, or in the reverse order (to read the last rows first).</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, bool reverse)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (key, descending) in _keys)
        {
            ordered = key.AppendTo(ordered ?? query, ordered is null, descending != reverse);
        }

        return ordered!;
    }

    /// <summary>The rows strictly after (or before) the row a cursor's values describe, in this order.</summary>
    public Expression<Func<T, bool>> Beyond(object[] values, bool after)
    {
        // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... with > read as < for descending keys (and swapped for before).
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < _keys.Length; i++)
        {
            var (key, descending) = _keys[i];
            Expression beyond = key.Beyond(values[i], greater: descending != after);
            if (equalSoFar is not null)
            {
                beyond = Expression.AndAlso(equalSoFar, beyond);
            }

            any = any is null ? beyond : Expression.OrElse(any, beyond);
            var equal = key.EqualTo(values[i]);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<T, bool>>(any!, ListSortKey<T>.Entity);
    }

    /// <summary>The cursor of a row in this order.</summary>
    public string CursorOf(T row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(_signature);
            foreach (var (key, _) in _keys)
            {
                key.Write(writer, key.ValueOf(row));
            }

            writer.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>The key values a cursor holds; an HC0078 error when it is not a cursor of this order.</summary>
    public object[] ReadCursor(string cursor, string argument)
    {
        if (TryReadCursor(cursor, out var values))
        {
            return values;
        }

        throw ListPaging.InvalidCursor(cursor, argument);
    }

    private bool TryReadCursor(string cursor, out object[] values)
    {
        values = [];
        if (cursor.Length is 0 or > MaxCursorLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), new JsonDocumentOptions { MaxDepth = 2 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array
                || root.GetArrayLength() != _keys.Length + 1
                || root[0].ValueKind != JsonValueKind.String
                || root[0].GetString() != _signature)
            {
                return false;
            }

            var read = new object[_keys.Length];
            for (var i = 0; i < _keys.Length; i++)
            {
                if (!_keys[i].Key.TryRead(root[i + 1], out read[i]))
                {
                    return false;
                }
            }

            values = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
