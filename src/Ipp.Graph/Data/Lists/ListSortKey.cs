using System.Linq.Expressions;
using System.Text.Json;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// One column a list can be sorted by: how EF Core orders by it, how a row is compared with a cursor's value of it
/// (keyset paging), and how that value is written in and read from a cursor. Made by <see cref="Text"/>,
/// <see cref="Instant"/>, <see cref="Number"/> and <see cref="Rank"/>.
/// </summary>
internal abstract class ListSortKey<T>
{
    /// <summary>The entity every key's expression reads: one parameter, so the keys combine into one predicate.</summary>
    public static readonly ParameterExpression Entity = Expression.Parameter(typeof(T), "row");

    protected ListSortKey(string name) => Name = name;

    /// <summary>The field's name in the list's sort input (for the id: <c>id</c>).</summary>
    public string Name { get; }

    /// <summary>A text column, compared as the database compares texts.</summary>
    public static ListSortKey<T> Text(string name, Expression<Func<T, string>> selector) =>
        new Typed<string>(name, selector, (writer, value) => writer.WriteStringValue(value), ReadString);

    /// <summary>An instant stored in UTC, kept in a cursor as its ticks.</summary>
    public static ListSortKey<T> Instant(string name, Expression<Func<T, DateTime>> selector) =>
        new Typed<DateTime>(name, selector, (writer, value) => writer.WriteNumberValue(value.Ticks), ReadInstant);

    /// <summary>A whole number, such as the row's id.</summary>
    public static ListSortKey<T> Number(string name, Expression<Func<T, long>> selector) =>
        new Typed<long>(name, selector, (writer, value) => writer.WriteNumberValue(value), ReadLong);

    /// <summary>A rank computed in SQL (a CASE expression), for an order that is not the stored value's.</summary>
    public static ListSortKey<T> Rank(string name, Expression<Func<T, int>> selector) =>
        new Typed<int>(name, selector, (writer, value) => writer.WriteNumberValue(value), ReadInt);

    /// <summary>Adds this key to the query's order (the first key with OrderBy, the next ones with ThenBy).</summary>
    public abstract IOrderedQueryable<T> AppendTo(IQueryable<T> query, bool first, bool descending);

    /// <summary>The row's value of this key (read from the loaded entity) as the cursor keeps it.</summary>
    public abstract object ValueOf(T row);

    public abstract void Write(Utf8JsonWriter writer, object value);

    /// <summary>The value a cursor holds for this key; false when it is not one.</summary>
    public abstract bool TryRead(JsonElement element, out object value);

    /// <summary><c>key = value</c>.</summary>
    public abstract Expression EqualTo(object value);

    /// <summary><c>key &gt; value</c>, or <c>key &lt; value</c> when <paramref name="greater"/> is false.</summary>
    public abstract Expression Beyond(object value, bool greater);

    private static bool ReadLong(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    private static bool ReadInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    private static bool ReadString(JsonElement element, out string value)
    {
        value = element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool ReadInstant(JsonElement element, out DateTime value)
    {
        value = default;
        if (!ReadLong(element, out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>A key whose values are of type <typeparamref name="TValue"/>.</summary>
    private sealed class Typed<TValue> : ListSortKey<T>
        where TValue : notnull
    {
        public delegate bool Reader(JsonElement element, out TValue value);

        private readonly Expression<Func<T, TValue>> _selector;
        private readonly Func<T, TValue> _read;
        private readonly Action<Utf8JsonWriter, TValue> _write;
        private readonly Reader _tryRead;

        public Typed(string name, Expression<Func<T, TValue>> selector, Action<Utf8JsonWriter, TValue> write, Reader tryRead)
            : base(name)
        {
            // Every key reads the shared entity parameter, so their bodies can be joined into one predicate.
            _selector = Expression.Lambda<Func<T, TValue>>(new Rebind(selector.Parameters[0]).Visit(selector.Body), Entity);
            _read = _selector.Compile();
            _write = write;
            _tryRead = tryRead;
        }

        public override IOrderedQueryable<T> AppendTo(IQueryable<T> query, bool first, bool descending) =>
            (first, descending) switch
            {
                (true, false) => query.OrderBy(_selector),
                (true, true) => query.OrderByDescending(_selector),
                (false, false) => ((IOrderedQueryable<T>)query).ThenBy(_selector),
                (false, true) => ((IOrderedQueryable<T>)query).ThenByDescending(_selector),
            };

        public override object ValueOf(T row) => _read(row);

        public override void Write(Utf8JsonWriter writer, object value) => _write(writer, (TValue)value);

        public override bool TryRead(JsonElement element, out object value)
        {
            var read = _tryRead(element, out var typed);
            value = typed;
            return read;
        }

        public override Expression EqualTo(object value) => Expression.Equal(_selector.Body, QueryParameter.Of((TValue)value));

        public override Expression Beyond(object value, bool greater)
        {
            var parameter = QueryParameter.Of((TValue)value);
            if (typeof(TValue) == typeof(string))
            {
                // string.Compare(a, b) > 0 is what EF Core translates to a > b.
                var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, _selector.Body, parameter);
                return greater
                    ? Expression.GreaterThan(compare, Expression.Constant(0))
                    : Expression.LessThan(compare, Expression.Constant(0));
            }

            return greater ? Expression.GreaterThan(_selector.Body, parameter) : Expression.LessThan(_selector.Body, parameter);
        }

        private sealed class Rebind(ParameterExpression from) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? Entity : node;
        }
    }
}
