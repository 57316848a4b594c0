using System.Collections;
using System.Linq.Expressions;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Query;

/// <summary>
/// Turns <c>experiments(where:)</c> (an <c>ExperimentFilterInput</c>, HotChocolate's filtering shape) into a predicate
/// EF Core translates to SQL. As in HotChocolate: the fields given in one object must all hold; <c>and</c> keeps what
/// every entry keeps, <c>or</c> what any entry keeps (an empty list constrains nothing); a field or operation given as
/// null is ignored, except <c>eq</c>/<c>neq</c>/<c>in</c>/<c>nin</c>, which compare with null where the field can be
/// null (<c>description</c>) and are refused with HC0026 elsewhere, as every other operation is. Text comparisons are
/// the database's (SQLite: case-sensitive).
/// </summary>
internal static class ExperimentFilter
{
    /// <summary>How deeply <c>and</c>/<c>or</c> may nest: client-supplied structure, walked recursively.</summary>
    public const int MaxDepth = 10;

    /// <summary>The most conditions (operations and list items) one filter may hold, which bounds the SQL it makes.</summary>
    public const int MaxConditions = 200;

    private static readonly ParameterExpression Entity = Expression.Parameter(typeof(Experiment), "e");

    private static readonly Dictionary<string, FilterField> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = new(Property(nameof(Experiment.Name)), FieldKind.String, CanBeNull: false),
        ["description"] = new(Property(nameof(Experiment.Description)), FieldKind.String, CanBeNull: true),
        ["applicationKey"] = new(Property(nameof(Experiment.ApplicationKey)), FieldKind.String, CanBeNull: false),
        ["status"] = new(Property(nameof(Experiment.Status)), FieldKind.Status, CanBeNull: false),
        ["createdAt"] = new(Property(nameof(Experiment.CreatedAt)), FieldKind.DateTime, CanBeNull: false),
        ["statusChangedAt"] = new(Property(nameof(Experiment.StatusChangedAt)), FieldKind.DateTime, CanBeNull: false),
    };

    /// <summary>The predicate of a coerced <c>where</c> argument; null when it constrains nothing.</summary>
    public static Expression<Func<Experiment, bool>>? Build(object? where)
    {
        if (where is null)
        {
            return null;
        }

        var body = new Builder().Filter(AsObject(where), 0);
        return body is null ? null : Expression.Lambda<Func<Experiment, bool>>(body, Entity);
    }

    private static MemberExpression Property(string name) => Expression.Property(Entity, name);

    private static IReadOnlyDictionary<string, object?> AsObject(object value) =>
        value as IReadOnlyDictionary<string, object?>
        ?? throw new InvalidOperationException($"A coerced input object was a {value.GetType()}.");

    private static List<object?> AsList(object value)
    {
        var items = new List<object?>();
        if (value is IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                items.Add(item);
            }
        }
        else
        {
            // Input coercion turns a single value given for a list into a list of one; accept it either way.
            items.Add(value);
        }

        return items;
    }

    private enum FieldKind
    {
        String,
        Status,
        DateTime,
    }

    private sealed record FilterField(MemberExpression Property, FieldKind Kind, bool CanBeNull)
    {
        public string OperationTypeName => Kind switch
        {
            FieldKind.String => "StringOperationFilterInput",
            FieldKind.Status => "ExperimentStatusOperationFilterInput",
            _ => "DateTimeOperationFilterInput",
        };
    }

    private sealed class Builder
    {
        private int _conditions;

        /// <summary>An <c>ExperimentFilterInput</c>: every field given must hold.</summary>
        public Expression? Filter(IReadOnlyDictionary<string, object?> filter, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new GraphQLError(
                    $"The filter nests `and`/`or` more than {MaxDepth} levels deep.", code: ErrorCodes.BadUserInput);
            }

            Expression? all = null;
            foreach (var (name, value) in filter)
            {
                if (value is null)
                {
                    continue;
                }

                var condition = name switch
                {
                    "and" => All(AsList(value), item => Filter(AsObject(item!), depth + 1)),
                    "or" => Any(AsList(value), item => Filter(AsObject(item!), depth + 1)),
                    _ when Fields.TryGetValue(name, out var field) => Operations(field, AsObject(value), depth + 1),
                    _ => throw new InvalidOperationException($"ExperimentFilterInput has no field '{name}'."),
                };
                all = AndAlso(all, condition);
            }

            return all;
        }

        /// <summary>An operation input (<c>StringOperationFilterInput</c>, ...): every operation given must hold.</summary>
        private Expression? Operations(FilterField field, IReadOnlyDictionary<string, object?> operations, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new GraphQLError(
                    $"The filter nests `and`/`or` more than {MaxDepth} levels deep.", code: ErrorCodes.BadUserInput);
            }

            Expression? all = null;
            foreach (var (operation, value) in operations)
            {
                var condition = operation switch
                {
                    "and" when value is not null => All(AsList(value), item => Operations(field, AsObject(item!), depth + 1)),
                    "or" when value is not null => Any(AsList(value), item => Operations(field, AsObject(item!), depth + 1)),
                    "and" or "or" => null,
                    _ => Operation(field, operation, value),
                };
                all = AndAlso(all, condition);
            }

            return all;
        }

        private Expression Operation(FilterField field, string operation, object? value)
        {
            Count(1);
            switch (operation)
            {
                case "eq":
                    return Equal(field, operation, value);
                case "neq":
                    return Expression.Not(Equal(field, operation, value));
                case "in":
                    return In(field, operation, value);
                case "nin":
                    return Expression.Not(In(field, operation, value));
            }

            if (value is null)
            {
                throw NullNotSupported(field, operation);
            }

            return operation switch
            {
                "contains" => Text(field, nameof(string.Contains), value),
                "ncontains" => Expression.Not(Text(field, nameof(string.Contains), value)),
                "startsWith" => Text(field, nameof(string.StartsWith), value),
                "nstartsWith" => Expression.Not(Text(field, nameof(string.StartsWith), value)),
                "endsWith" => Text(field, nameof(string.EndsWith), value),
                "nendsWith" => Expression.Not(Text(field, nameof(string.EndsWith), value)),
                "gt" => Expression.GreaterThan(field.Property, Instant(value)),
                "ngt" => Expression.Not(Expression.GreaterThan(field.Property, Instant(value))),
                "gte" => Expression.GreaterThanOrEqual(field.Property, Instant(value)),
                "ngte" => Expression.Not(Expression.GreaterThanOrEqual(field.Property, Instant(value))),
                "lt" => Expression.LessThan(field.Property, Instant(value)),
                "nlt" => Expression.Not(Expression.LessThan(field.Property, Instant(value))),
                "lte" => Expression.LessThanOrEqual(field.Property, Instant(value)),
                "nlte" => Expression.Not(Expression.LessThanOrEqual(field.Property, Instant(value))),
                _ => throw new InvalidOperationException($"{field.OperationTypeName} has no operation '{operation}'."),
            };
        }

        private static Expression Equal(FilterField field, string operation, object? value)
        {
            if (value is null)
            {
                return field.CanBeNull
                    ? Expression.Equal(field.Property, Expression.Constant(null, field.Property.Type))
                    : throw NullNotSupported(field, operation);
            }

            return Expression.Equal(field.Property, Value(field, value));
        }

        /// <summary>
        /// <c>in</c>: text fields through one list parameter (<c>IN (...)</c>); statuses and instants, whose stored
        /// form is a conversion, as equalities joined by OR in a balanced tree (SQLite limits expression depth).
        /// </summary>
        private Expression In(FilterField field, string operation, object? value)
        {
            if (value is null)
            {
                throw NullNotSupported(field, operation);
            }

            var items = AsList(value);
            Count(items.Count);
            var withNull = false;
            var values = new List<object>(items.Count);
            foreach (var item in items)
            {
                if (item is null)
                {
                    withNull = field.CanBeNull ? true : throw NullNotSupported(field, operation);
                }
                else
                {
                    values.Add(item);
                }
            }

            Expression matches;
            if (field.Kind == FieldKind.String)
            {
                var texts = values.Select(v => (string)v).Distinct(StringComparer.Ordinal).ToArray();
                matches = texts.Length == 0
                    ? Expression.Constant(false)
                    : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], QueryParameter.Of(texts), field.Property);
            }
            else
            {
                var equalities = values.Select(v => (Expression)Expression.Equal(field.Property, Value(field, v))).ToList();
                matches = Balanced(equalities, 0, equalities.Count);
            }

            return withNull
                ? Expression.OrElse(matches, Expression.Equal(field.Property, Expression.Constant(null, field.Property.Type)))
                : matches;
        }

        private static Expression Balanced(List<Expression> terms, int start, int end) => (end - start) switch
        {
            0 => Expression.Constant(false),
            1 => terms[start],
            _ => Expression.OrElse(Balanced(terms, start, (start + end) / 2), Balanced(terms, (start + end) / 2, end)),
        };

        /// <summary><c>contains</c>/<c>startsWith</c>/<c>endsWith</c>; a field that can be null must not be null.</summary>
        private static Expression Text(FilterField field, string method, object value)
        {
            var call = Expression.Call(field.Property, typeof(string).GetMethod(method, [typeof(string)])!, QueryParameter.Of((string)value));
            return field.CanBeNull
                ? Expression.AndAlso(Expression.NotEqual(field.Property, Expression.Constant(null, typeof(string))), call)
                : call;
        }

        private static Expression Value(FilterField field, object value) => field.Kind switch
        {
            FieldKind.String => QueryParameter.Of((string)value),
            FieldKind.Status => QueryParameter.Of((ExperimentStatus)value),
            _ => Instant(value),
        };

        /// <summary>An instant as the database stores it: UTC (the DateTime scalar gives a DateTimeOffset).</summary>
        private static Expression Instant(object value) => QueryParameter.Of(((DateTimeOffset)value).UtcDateTime);

        private Expression? All(List<object?> items, Func<object?, Expression?> build)
        {
            Expression? all = null;
            foreach (var item in items)
            {
                all = AndAlso(all, item is null ? null : build(item));
            }

            return all;
        }

        /// <summary>Any entry holds; an entry that constrains nothing makes the whole <c>or</c> constrain nothing.</summary>
        private Expression? Any(List<object?> items, Func<object?, Expression?> build)
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
                throw new GraphQLError(
                    $"The filter holds more than {MaxConditions} conditions (operations and list items).", code: ErrorCodes.BadUserInput);
            }
        }

        private static GraphQLError NullNotSupported(FilterField field, string operation) =>
            new(
                $"The provided value for filter `{operation}` of type {field.OperationTypeName} is invalid. Null values are not supported.",
                code: PagingErrorCodes.FilterNullNotSupported);
    }
}
