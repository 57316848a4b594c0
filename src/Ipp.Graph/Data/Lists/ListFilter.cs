using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// One filter field of a list: its condition from the operation input the client gave (the builder, for its
/// operations, and the depth, for nesting).
/// </summary>
internal delegate Expression? ListFilterField<T>(ListFilter<T> filter, object operations, int depth);

/// <summary>
/// Builds the predicate of a list's <c>where</c> (HotChocolate's filtering shape), which EF Core translates to SQL:
/// the fields given in one object must all hold; <c>and</c> keeps what every entry keeps, <c>or</c> what any entry
/// keeps (an entry that constrains nothing makes the <c>or</c> constrain nothing); each field's operation input
/// (<c>StringOperationFilterInput</c>, <c>DateTimeOperationFilterInput</c>, <c>LongOperationFilterInput</c>, an enum's or a Boolean's, a list filter)
/// holds every operation given. A field or operation given as null is ignored, except <c>eq</c>/<c>neq</c>/<c>in</c>/
/// <c>nin</c>, which compare with null where the field can be null and are refused with HC0026 elsewhere, as every
/// other operation is. Text comparisons are the database's (SQLite: case-sensitive). Nesting and the number of
/// conditions are bounded: the structure is the client's.
/// </summary>
internal sealed class ListFilter<T>
{
    /// <summary>How deeply <c>and</c>/<c>or</c> may nest: client-supplied structure, walked recursively.</summary>
    public const int MaxDepth = 10;

    /// <summary>The most conditions (operations and list items) one filter may hold, which bounds the SQL it makes.</summary>
    public const int MaxConditions = 200;

    private readonly IReadOnlyDictionary<string, ListFilterField<T>> _fields;
    private int _conditions;

    private ListFilter(IReadOnlyDictionary<string, ListFilterField<T>> fields) => _fields = fields;

    /// <summary>The entity every condition reads: one parameter, so the conditions combine into one predicate.</summary>
    public static ParameterExpression Entity { get; } = Expression.Parameter(typeof(T), "row");

    /// <summary>A property of the entity, for a field's condition.</summary>
    public static MemberExpression Property(string name) => Expression.Property(Entity, name);

    /// <summary>The predicate of a coerced <c>where</c> argument over <paramref name="fields"/>; null when it constrains nothing.</summary>
    public static Expression<Func<T, bool>>? Build(object? where, IReadOnlyDictionary<string, ListFilterField<T>> fields)
    {
        var body = where is null ? null : new ListFilter<T>(fields).Filter(AsObject(where), 0);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, Entity);
    }

    /// <summary>
    /// Conditions on a text (<c>StringOperationFilterInput</c>); <paramref name="nullable"/> when the text may be
    /// null, the operand passed through <paramref name="normalize"/> first.
    /// </summary>
    public Expression? Text(Expression property, object operations, int depth, bool nullable = false, Func<string, string>? normalize = null) =>
        Operations(
            operations,
            depth,
            (operation, value) => Text(property, operation, value, nullable, normalize ?? (text => text)),
            (nested, d) => Text(property, nested, d, nullable, normalize));

    /// <summary>Conditions on an instant (<c>DateTimeOperationFilterInput</c>), stored in UTC.</summary>
    public Expression? Instant(Expression property, object operations, int depth) =>
        Operations(
            operations,
            depth,
            (operation, value) => Compare(property, operation, value, "DateTimeOperationFilterInput", Utc),
            (nested, d) => Instant(property, nested, d));

    /// <summary>Conditions on a whole number (<c>LongOperationFilterInput</c>).</summary>
    public Expression? Number(Expression property, object operations, int depth) =>
        Operations(
            operations,
            depth,
            (operation, value) => Compare(property, operation, value, "LongOperationFilterInput", number => QueryParameter.Of(Convert.ToInt64(number, CultureInfo.InvariantCulture))),
            (nested, d) => Number(property, nested, d));

    /// <summary>
    /// Conditions of equality (<c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c>) on a value that cannot be null: an enum,
    /// a Boolean or an id, as <paramref name="stored"/> turns the coerced value into what the property holds.
    /// <paramref name="typeName"/> is the operation input's, for errors.
    /// </summary>
    public Expression? Values<TValue>(Expression property, object operations, int depth, string typeName, Func<object, TValue> stored) =>
        Operations(operations, depth, (operation, value) =>
        {
            Count(1);
            return operation switch
            {
                "eq" => Expression.Equal(property, QueryParameter.Of(stored(NotNull(value, operation, typeName)))),
                "neq" => Expression.Not(Expression.Equal(property, QueryParameter.Of(stored(NotNull(value, operation, typeName))))),
                "in" => AnyEqual(property, NotNull(value, operation, typeName), item => QueryParameter.Of(stored(NotNull(item, operation, typeName)))),
                "nin" => Expression.Not(AnyEqual(property, NotNull(value, operation, typeName), item => QueryParameter.Of(stored(NotNull(item, operation, typeName))))),
                _ => throw new InvalidOperationException($"{typeName} has no operation '{operation}'."),
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

    private Expression Text(Expression property, string operation, object? value, bool nullable, Func<string, string> normalize)
    {
        const string TypeName = "StringOperationFilterInput";
        Count(1);
        switch (operation)
        {
            case "eq":
                return EqualOrNull(property, value, nullable, operation, TypeName, text => QueryParameter.Of(normalize((string)text)));
            case "neq":
                return Expression.Not(EqualOrNull(property, value, nullable, operation, TypeName, text => QueryParameter.Of(normalize((string)text))));
            case "in" or "nin":
                var texts = AsList(NotNull(value, operation, TypeName));
                Count(texts.Count);
                var withNull = texts.Contains(null);
                if (withNull && !nullable)
                {
                    throw NullNotSupported(operation, TypeName);
                }

                var distinct = texts.OfType<string>().Select(normalize).Distinct(StringComparer.Ordinal).ToArray();
                Expression contained = distinct.Length == 0
                    ? Expression.Constant(false)
                    : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], QueryParameter.Of(distinct), property);
                if (withNull)
                {
                    contained = Expression.OrElse(contained, Expression.Equal(property, Expression.Constant(null, property.Type)));
                }

                return operation == "in" ? contained : Expression.Not(contained);
        }

        var operand = QueryParameter.Of(normalize((string)NotNull(value, operation, TypeName)));
        var matches = operation switch
        {
            "contains" or "ncontains" => Call(property, nameof(string.Contains), operand),
            "startsWith" or "nstartsWith" => Call(property, nameof(string.StartsWith), operand),
            "endsWith" or "nendsWith" => Call(property, nameof(string.EndsWith), operand),
            _ => throw new InvalidOperationException($"{TypeName} has no operation '{operation}'."),
        };
        if (nullable)
        {
            // A text that is null contains nothing, and so does not match; its negation matches.
            matches = Expression.AndAlso(Expression.NotEqual(property, Expression.Constant(null, property.Type)), matches);
        }

        return operation.StartsWith('n') ? Expression.Not(matches) : matches;
    }

    /// <summary>One comparison of an ordered value (an instant, a number), its operand made by <paramref name="parameter"/>.</summary>
    private Expression Compare(Expression property, string operation, object? value, string typeName, Func<object, Expression> parameter)
    {
        Count(1);
        if (operation is "in" or "nin")
        {
            var any = AnyEqual(property, NotNull(value, operation, typeName), item => parameter(NotNull(item, operation, typeName)));
            return operation == "in" ? any : Expression.Not(any);
        }

        var operand = parameter(NotNull(value, operation, typeName));
        return operation switch
        {
            "eq" => Expression.Equal(property, operand),
            "neq" => Expression.Not(Expression.Equal(property, operand)),
            "gt" => Expression.GreaterThan(property, operand),
            "ngt" => Expression.Not(Expression.GreaterThan(property, operand)),
            "gte" => Expression.GreaterThanOrEqual(property, operand),
            "ngte" => Expression.Not(Expression.GreaterThanOrEqual(property, operand)),
            "lt" => Expression.LessThan(property, operand),
            "nlt" => Expression.Not(Expression.LessThan(property, operand)),
            "lte" => Expression.LessThanOrEqual(property, operand),
            "nlte" => Expression.Not(Expression.LessThanOrEqual(property, operand)),
            _ => throw new InvalidOperationException($"{typeName} has no operation '{operation}'."),
        };
    }

    /// <summary><c>property = value</c>, or <c>property IS NULL</c> for null where the property can be null.</summary>
    private static Expression EqualOrNull(Expression property, object? value, bool nullable, string operation, string typeName, Func<object, Expression> operand) =>
        value is not null
            ? Expression.Equal(property, operand(value))
            : nullable
                ? Expression.Equal(property, Expression.Constant(null, property.Type))
                : throw NullNotSupported(operation, typeName);

    /// <summary>
    /// Equalities joined by OR in a balanced tree (SQLite limits an expression's depth): for values whose stored form
    /// is a conversion, which EF Core cannot send as one list parameter.
    /// </summary>
    private Expression AnyEqual(Expression property, object values, Func<object?, Expression> operand)
    {
        var items = AsList(values);
        Count(items.Count);
        var equalities = items.Select(item => (Expression)Expression.Equal(property, operand(item))).ToList();
        return Balanced(equalities, 0, equalities.Count);
    }

    private static Expression Utc(object value) => QueryParameter.Of(((DateTimeOffset)value).UtcDateTime);

    private static Expression Call(Expression property, string method, Expression operand) =>
        Expression.Call(property, typeof(string).GetMethod(method, [typeof(string)])!, operand);

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

    private static object NotNull(object? value, string operation, string typeName) => value ?? throw NullNotSupported(operation, typeName);

    private static GraphQLError NullNotSupported(string operation, string typeName) =>
        new(
            $"The provided value for filter `{operation}` of type {typeName} is invalid. Null values are not supported.",
            code: PagingErrorCodes.FilterNullNotSupported);

    private static IReadOnlyDictionary<string, object?> AsObject(object value) =>
        value as IReadOnlyDictionary<string, object?> ?? throw new InvalidOperationException($"A coerced input object was a {value.GetType()}.");

    /// <summary>The items of a list; input coercion may give a single value for a list, which is a list of one.</summary>
    private static List<object?> AsList(object value) =>
        value is IEnumerable list and not string ? [.. list.Cast<object?>()] : [value];
}
