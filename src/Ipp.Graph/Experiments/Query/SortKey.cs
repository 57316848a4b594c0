using System.Linq.Expressions;
using System.Text.Json;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Query;

/// <summary>
/// One column experiments can be sorted by: how EF Core orders by it, how a row is compared with a cursor's value of
/// it (keyset paging), and how that value is written in and read from a cursor.
/// </summary>
internal abstract class SortKey
{
    /// <summary>The entity every key's expression reads: one parameter, so the keys combine into one predicate.</summary>
    public static readonly ParameterExpression Entity = Expression.Parameter(typeof(Experiment), "e");

    /// <summary>Experiments by id: the last key of every order, so that rows never tie and pages are stable.</summary>
    public static readonly SortKey Id = new SortKey<long>("id", e => e.Id, (w, v) => w.WriteNumberValue(v), ReadLong);

    private static readonly IReadOnlyDictionary<string, SortKey> ByField = new Dictionary<string, SortKey>(StringComparer.Ordinal)
    {
        ["name"] = new SortKey<string>("name", e => e.Name, (w, v) => w.WriteStringValue(v), ReadString),
        ["applicationKey"] = new SortKey<string>("applicationKey", e => e.ApplicationKey, (w, v) => w.WriteStringValue(v), ReadString),
        ["status"] = new SortKey<int>("status", StatusRank(), (w, v) => w.WriteNumberValue(v), ReadInt),
        ["createdAt"] = new SortKey<DateTime>("createdAt", e => e.CreatedAt, (w, v) => w.WriteNumberValue(v.Ticks), ReadInstant),
        ["statusChangedAt"] = new SortKey<DateTime>("statusChangedAt", e => e.StatusChangedAt, (w, v) => w.WriteNumberValue(v.Ticks), ReadInstant),
    };

    protected SortKey(string name) => Name = name;

    /// <summary>The field's name in <c>ExperimentSortInput</c>.</summary>
    public string Name { get; }

    /// <summary>The key of an <c>ExperimentSortInput</c> field; false for any other name.</summary>
    public static bool TryGet(string field, out SortKey key) => ByField.TryGetValue(field, out key!);

    /// <summary>Adds this key to the query's order (the first key with OrderBy, the next ones with ThenBy).</summary>
    public abstract IOrderedQueryable<Experiment> AppendTo(IQueryable<Experiment> query, bool first, bool descending);

    /// <summary>The row's value of this key (read from the loaded entity) as the cursor keeps it.</summary>
    public abstract object ValueOf(Experiment experiment);

    public abstract void Write(Utf8JsonWriter writer, object value);

    /// <summary>The value a cursor holds for this key; false when it is not one.</summary>
    public abstract bool TryRead(JsonElement element, out object value);

    /// <summary><c>key = value</c>.</summary>
    public abstract Expression EqualTo(object value);

    /// <summary><c>key &gt; value</c>, or <c>key &lt; value</c> when <paramref name="greater"/> is false.</summary>
    public abstract Expression Beyond(object value, bool greater);

    /// <summary>
    /// The lifecycle's order, not the stored text's: EDITING &lt; SUBMITTED &lt; RUNNING &lt; COMPLETED &lt; FAILED,
    /// a CASE expression in SQL.
    /// </summary>
    private static Expression<Func<Experiment, int>> StatusRank()
    {
        var status = Expression.Property(Entity, nameof(Experiment.Status));
        Expression rank = Expression.Constant(0);
        var namespaces = ExperimentStatusNames.Namespaces;
        for (var i = namespaces.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(status, Expression.Constant(namespaces[i])), Expression.Constant(i + 1), rank);
        }

        return Expression.Lambda<Func<Experiment, int>>(rank, Entity);
    }

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
}

/// <summary>A <see cref="SortKey"/> whose values are of type <typeparamref name="T"/>.</summary>
internal sealed class SortKey<T> : SortKey
    where T : notnull
{
    /// <summary>Reads a cursor's value.</summary>
    public delegate bool Reader(JsonElement element, out T value);

    private readonly Expression<Func<Experiment, T>> _selector;
    private readonly Func<Experiment, T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;
    private readonly Reader _tryRead;

    public SortKey(string name, Expression<Func<Experiment, T>> selector, Action<Utf8JsonWriter, T> write, Reader tryRead)
        : base(name)
    {
        // Every key reads the shared entity parameter, so their bodies can be joined into one predicate.
        _selector = Expression.Lambda<Func<Experiment, T>>(new Rebind(selector.Parameters[0]).Visit(selector.Body), Entity);
        _read = _selector.Compile();
        _write = write;
        _tryRead = tryRead;
    }

    public override IOrderedQueryable<Experiment> AppendTo(IQueryable<Experiment> query, bool first, bool descending) =>
        (first, descending) switch
        {
            (true, false) => query.OrderBy(_selector),
            (true, true) => query.OrderByDescending(_selector),
            (false, false) => ((IOrderedQueryable<Experiment>)query).ThenBy(_selector),
            (false, true) => ((IOrderedQueryable<Experiment>)query).ThenByDescending(_selector),
        };

    public override object ValueOf(Experiment experiment) => _read(experiment);

    public override void Write(Utf8JsonWriter writer, object value) => _write(writer, (T)value);

    public override bool TryRead(JsonElement element, out object value)
    {
        var read = _tryRead(element, out var typed);
        value = typed;
        return read;
    }

    public override Expression EqualTo(object value) => Expression.Equal(_selector.Body, QueryParameter.Of((T)value));

    public override Expression Beyond(object value, bool greater)
    {
        var parameter = QueryParameter.Of((T)value);
        if (typeof(T) == typeof(string))
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
