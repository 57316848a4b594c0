using System.Collections;
using System.Linq.Expressions;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Query;

namespace Ipp.Graph.Administration.Paging;

/// <summary>
/// Builds the predicate of an administration list's <c>where</c> (HotChocolate's filtering shape, as
/// <c>experiments</c> reads it): the fields of one object must all hold, <c>and</c>/<c>or</c> combine objects, each
/// field's operation input (<c>StringOperationFilterInput</c>, <c>DateTimeOperationFilterInput</c>, an enum's or a
/// Boolean's) holds every operation given. A field or operation given as null is ignored; null compared with a field
/// that cannot be null is refused (HC0026), as in HotChocolate. Nesting and the number of conditions are bounded: the
/// structure is the client's.
/// </summary>
internal sealed class FilterBuilder<T>
{
    public const int MaxDepth = 10;

    public const int MaxConditions = 200;

    private readonly IReadOnlyDictionary<string, Func<FilterBuilder<T>, object, int, Expression?>> _fields;
    private int _conditions;

    /// <param name="fields">Each filter field's condition, from its operation input (the builder and the depth for nesting).</param>
    public FilterBuilder(IReadOnlyDictionary<string, Func<FilterBuilder<T>, object, int, Expression?>> fields) => _fields = fields;

    /// <summary>The entity every condition reads.</summary>
    public static ParameterExpression Entity { get; } = Expression.Parameter(typeof(T), "row");

    /// <summary>The predicate of a coerced <c>where</c> argument; null when it constrains nothing.</summary>
    public Expression<Func<T, bool>>? Build(object? where)
    {
        var body = where is null ? null : Filter(AsObject(where), 0);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, Entity);
    }

    /// <summary>Conditions on a text (<c>StringOperationFilterInput</c>), the operand passed through <paramref name="normalize"/> first.</summary>
    public Expression? Text(Expression property, object operations, int depth, Func<string, string>? normalize = null) =>
        Operations(operations, depth, (operation, value) => Text(property, operation, value, normalize ?? (text => text)), (ops, d) => Text(property, ops, d, normalize));

    /// <summary>Conditions on an instant (<c>DateTimeOperationFilterInput</c>), stored in UTC.</summary>
    public Expression? Instant(Expression property, object operations, int depth) =>
        Operations(operations, depth, (operation, value) => Instant(property, operation, value), (ops, d) => Instant(property, ops, d));

    /// <summary>
    /// Conditions of equality (<c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c>) on a value that cannot be null: an enum or
    /// a Boolean, as <paramref name="stored"/> turns the coerced value into what the property holds.
    /// </summary>
    public Expression? Values<TValue>(Expression property, object operations, int depth, Func<object, TValue> stored) =>
        Operations(operations, depth, (operation, value) =>
        {
            Count(1);
            return operation switch
            {
                "eq" => Expression.Equal(property, QueryParameter.Of(stored(NotNull(value, operation)))),
                "neq" => Expression.NotEqual(property, QueryParameter.Of(stored(NotNull(value, operation)))),
                "in" => In(property, NotNull(value, operation), stored),
                "nin" => Expression.Not(In(property, NotNull(value, operation), stored)),
                _ => throw new InvalidOperationException($"No operation '{operation}' on a value."),
            };
        }, null);

    /// <summary>
    /// Conditions on a list (HotChocolate's list filter: <c>some</c>, <c>none</c>, <c>any</c>): <paramref name="exists"/>
    /// says that an item matching a condition (any item when null) exists, <paramref name="item"/> builds an item's
    /// condition from its filter (null when it constrains nothing, which makes <c>some</c> and <c>none</c> ignored).
    /// </summary>
    public static Expression? List(object operations, int depth, Func<object, int, Expression?> item, Func<Expression?, Expression> exists)
    {
        CheckDepth(depth);
        Expression? all = null;
        foreach (var (name, value) in AsObject(operations))
        {
            var condition = value is null ? null : name switch
            {
                "any" => (bool)value ? exists(null) : Expression.Not(exists(null)),
                "some" => item(value, depth + 1) is { } matches ? exists(matches) : null,
                "none" => item(value, depth + 1) is { } matches ? Expression.Not(exists(matches)) : null,
                _ => throw new InvalidOperationException($"A list filter has no operation '{name}'."),
            };
            all = AndAlso(all, condition);
        }

        return all;
    }

    private Expression? Filter(IReadOnlyDictionary<string, object?> filter, int depth)
    {
        CheckDepth(depth);
        Expression? all = null;
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            var condition = name switch
            {
                "and" => All(AsList(value), item => Filter(AsObject(item), depth + 1)),
                "or" => Any(AsList(value), item => Filter(AsObject(item), depth + 1)),
                _ when _fields.TryGetValue(name, out var field) => field(this, value, depth + 1),
                _ => throw new InvalidOperationException($"The filter has no field '{name}'."),
            };
            all = AndAlso(all, condition);
        }

        return all;
    }

    private Expression? Operations(object operations, int depth, Func<string, object?, Expression> operation, Func<object, int, Expression?>? nested)
    {
        CheckDepth(depth);
        Expression? all = null;
        foreach (var (name, value) in AsObject(operations))
        {
            var condition = name switch
            {
                "and" or "or" when value is null => null,
                "and" when nested is not null => All(AsList(value!), item => nested(item, depth + 1)),
                "or" when nested is not null => Any(AsList(value!), item => nested(item, depth + 1)),
                _ => operation(name, value),
            };
            all = AndAlso(all, condition);
        }

        return all;
    }

    private Expression Text(Expression property, string operation, object? value, Func<string, string> normalize)
    {
        if (operation is "in" or "nin")
        {
            var texts = AsList(NotNull(value, operation)).Select(item => normalize((string)NotNull(item, operation))).Distinct(StringComparer.Ordinal).ToArray();
            Count(texts.Length);
            Expression contained = texts.Length == 0
                ? Expression.Constant(false)
                : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], QueryParameter.Of(texts), property);
            return operation == "in" ? contained : Expression.Not(contained);
        }

        Count(1);
        var operand = QueryParameter.Of(normalize((string)NotNull(value, operation)));
        return operation switch
        {
            "eq" => Expression.Equal(property, operand),
            "neq" => Expression.NotEqual(property, operand),
            "contains" => Call(property, nameof(string.Contains), operand),
            "ncontains" => Expression.Not(Call(property, nameof(string.Contains), operand)),
            "startsWith" => Call(property, nameof(string.StartsWith), operand),
            "nstartsWith" => Expression.Not(Call(property, nameof(string.StartsWith), operand)),
            "endsWith" => Call(property, nameof(string.EndsWith), operand),
            "nendsWith" => Expression.Not(Call(property, nameof(string.EndsWith), operand)),
            _ => throw new InvalidOperationException($"StringOperationFilterInput has no operation '{operation}'."),
        };
    }

    private Expression Instant(Expression property, string operation, object? value)
    {
        if (operation is "in" or "nin")
        {
            var equalities = AsList(NotNull(value, operation)).Select(item => Expression.Equal(property, Utc(NotNull(item, operation)))).ToList();
            Count(equalities.Count);
            var any = Balanced(equalities, 0, equalities.Count);
            return operation == "in" ? any : Expression.Not(any);
        }

        Count(1);
        var operand = Utc(NotNull(value, operation));
        return operation switch
        {
            "eq" => Expression.Equal(property, operand),
            "neq" => Expression.NotEqual(property, operand),
            "gt" => Expression.GreaterThan(property, operand),
            "ngt" => Expression.Not(Expression.GreaterThan(property, operand)),
            "gte" => Expression.GreaterThanOrEqual(property, operand),
            "ngte" => Expression.Not(Expression.GreaterThanOrEqual(property, operand)),
            "lt" => Expression.LessThan(property, operand),
            "nlt" => Expression.Not(Expression.LessThan(property, operand)),
            "lte" => Expression.LessThanOrEqual(property, operand),
            "nlte" => Expression.Not(Expression.LessThanOrEqual(property, operand)),
            _ => throw new InvalidOperationException($"DateTimeOperationFilterInput has no operation '{operation}'."),
        };
    }

    private Expression In<TValue>(Expression property, object value, Func<object, TValue> stored)
    {
        var equalities = AsList(value).Select(item => (Expression)Expression.Equal(property, QueryParameter.Of(stored(NotNull(item, "in"))))).ToList();
        Count(equalities.Count);
        return Balanced(equalities, 0, equalities.Count);
    }

    private static Expression Utc(object value) => QueryParameter.Of(((DateTimeOffset)value).UtcDateTime);

    private static Expression Call(Expression property, string method, Expression operand) =>
        Expression.Call(property, typeof(string).GetMethod(method, [typeof(string)])!, operand);

    /// <summary>Equalities joined by OR in a balanced tree (SQLite limits an expression's depth).</summary>
    private static Expression Balanced(IReadOnlyList<Expression> terms, int start, int end) => (end - start) switch
    {
        0 => Expression.Constant(false),
        1 => terms[start],
        _ => Expression.OrElse(Balanced(terms, start, (start + end) / 2), Balanced(terms, (start + end) / 2, end)),
    };

    private static Expression? All(List<object?> items, Func<object, Expression?> build)
    {
        Expression? all = null;
        foreach (var item in items)
        {
            all = AndAlso(all, item is null ? null : build(item));
        }

        return all;
    }

    /// <summary>Any entry holds; an entry that constrains nothing makes the whole <c>or</c> constrain nothing.</summary>
    private static Expression? Any(List<object?> items, Func<object, Expression?> build)
    {
        Expression? any = null;
        foreach (var item in items)
        {
            var condition = item is null ? null : build(item);
            if (condition is null)
            {
                return null;
            }

            any = any is null ? condition : Expression.OrElse(any, condition);
        }

        return any;
    }

    private static Expression? AndAlso(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private void Count(int conditions)
    {
        _conditions += conditions;
        if (_conditions > MaxConditions)
        {
            throw new GraphQLError($"The filter holds more than {MaxConditions} conditions (operations and list items).", code: ErrorCodes.BadUserInput);
        }
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new GraphQLError($"The filter nests `and`/`or` more than {MaxDepth} levels deep.", code: ErrorCodes.BadUserInput);
        }
    }

    private static object NotNull(object? value, string operation) =>
        value ?? throw new GraphQLError(
            $"The provided value for filter `{operation}` is invalid. Null values are not supported.", code: PagingErrorCodes.FilterNullNotSupported);

    private static IReadOnlyDictionary<string, object?> AsObject(object value) =>
        value as IReadOnlyDictionary<string, object?> ?? throw new InvalidOperationException($"A coerced input object was a {value.GetType()}.");

    private static List<object?> AsList(object value) =>
        value is IEnumerable list and not string ? [.. list.Cast<object?>()] : [value];
}
