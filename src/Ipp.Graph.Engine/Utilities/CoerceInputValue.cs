using System.Collections;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Called for each problem found while coercing: the path inside the value, the offending value, the error.</summary>
public delegate void InputCoercionError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

/// <summary>Coerces an external input value (a variable's JSON-shaped value) to an input type (graphql-js's coerceInputValue).</summary>
/// <remarks>
/// Values may be <see cref="JsonElement"/>s or .NET values at any level. The result is the internal value: lists as
/// <c>object?[]</c> (a single value given for a list type becomes a list of one), input objects as
/// <c>Dictionary&lt;string, object?&gt;</c> with the given fields and those with defaults, enums as their values'
/// internal values, scalars as their ParseValue returns. Values nesting deeper than <see cref="MaxDepth"/> are refused.
/// </remarks>
public static class CoerceInputValue
{
    /// <summary>How deep lists and input objects may nest in a value.</summary>
    public const int MaxDepth = 200;

    /// <summary>The coerced value; each problem is reported through <paramref name="onError"/> (or thrown when it is null).</summary>
    public static object? Coerce(object? value, GraphQLType type, InputCoercionError? onError = null) =>
        Coerce(value, type, onError, hideSuggestions: false);

    /// <param name="value">The external value.</param>
    /// <param name="type">The input type to coerce it to.</param>
    /// <param name="onError">Receives each problem; when null, the first problem is thrown as a <see cref="GraphQLError"/>.</param>
    /// <param name="hideSuggestions">Leave "Did you mean" out of messages (when the schema is not to be revealed).</param>
    public static object? Coerce(object? value, GraphQLType type, InputCoercionError? onError, bool hideSuggestions)
    {
        var coercion = new Coercion(onError ?? ThrowWithPath, hideSuggestions);
        return coercion.Coerce(value, type, null, 0);
    }

    /// <summary>graphql-js's default: the message gains the value and where in it the problem is.</summary>
    private static void ThrowWithPath(IReadOnlyList<object> path, object? invalidValue, GraphQLError error)
    {
        var message = new StringBuilder("Invalid value ").Append(Inspect.Format(invalidValue));
        if (path.Count > 0)
        {
            message.Append(" at \"value").Append(PrintPath(path)).Append('"');
        }

        message.Append(": ").Append(error.Message);
        throw new GraphQLError(
            message.ToString(),
            error.Locations,
            null,
            error.Code ?? ErrorCodes.BadUserInput,
            error.Extensions,
            error.InnerException ?? error);
    }

    /// <summary>A path as graphql-js's printPathArray writes it: <c>.field[0].other</c>.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        var text = new StringBuilder();
        foreach (var key in path)
        {
            if (key is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append('.').Append(key);
            }
        }

        return text.ToString();
    }

    /// <summary>A step into a value: a field name or a list index, linked to the steps before it.</summary>
    private sealed class PathStep(PathStep? previous, object key)
    {
        private PathStep? Previous { get; } = previous;

        private object Key { get; } = key;

        public static IReadOnlyList<object> ToList(PathStep? last, object? extra = null)
        {
            var count = extra is null ? 0 : 1;
            for (var step = last; step is not null; step = step.Previous)
            {
                count++;
            }

            var keys = new object[count];
            var i = count - 1;
            if (extra is not null)
            {
                keys[i--] = extra;
            }

            for (var step = last; step is not null; step = step.Previous)
            {
                keys[i--] = step.Key;
            }

            return keys;
        }
    }

    private readonly struct Coercion(InputCoercionError onError, bool hideSuggestions)
    {
        public object? Coerce(object? value, GraphQLType type, PathStep? path, int depth)
        {
            if (value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
            {
                value = null;
            }

            if (type is NonNullType nonNull)
            {
                if (value is not null)
                {
                    return Coerce(value, nonNull.OfType, path, depth);
                }

                Report(path, null, $"Expected non-nullable type \"{type}\" not to be null.");
                return null;
            }

            if (value is null)
            {
                return null;
            }

            if (depth > MaxDepth)
            {
                onError(
                    PathStep.ToList(path),
                    value,
                    new GraphQLError($"Input value nests deeper than {MaxDepth} levels.", code: ErrorCodes.MaxDepthExceeded));
                return null;
            }

            return type switch
            {
                ListType list => CoerceList(value, list.OfType, path, depth),
                InputObjectType inputObject => CoerceObject(value, inputObject, path, depth),
                ScalarType scalar => CoerceScalar(value, scalar, path),
                EnumType enumType => CoerceEnum(value, enumType, path),
                _ => throw new ArgumentException($"Unexpected input type: {type}.", nameof(type)),
            };
        }

        private object? CoerceList(object value, GraphQLType itemType, PathStep? path, int depth)
        {
            switch (value)
            {
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                    var fromJson = new object?[array.GetArrayLength()];
                    var index = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        fromJson[index] = Coerce(item, itemType, new PathStep(path, index), depth + 1);
                        index++;
                    }

                    return fromJson;
                case IList list:
                    var items = new object?[list.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Coerce(list[i], itemType, new PathStep(path, i), depth + 1);
                    }

                    return items;
                case IEnumerable sequence and not string and not IDictionary and not IReadOnlyDictionary<string, object?>:
                    var collected = new List<object?>();
                    foreach (var item in sequence)
                    {
                        collected.Add(Coerce(item, itemType, new PathStep(path, collected.Count), depth + 1));
                    }

                    return collected.ToArray();
                default:
                    // A single value stands for a list of one.
                    return new[] { Coerce(value, itemType, path, depth + 1) };
            }
        }

        private Dictionary<string, object?>? CoerceObject(object value, InputObjectType type, PathStep? path, int depth)
        {
            var input = InputObject.Of(value);
            if (input.IsNone)
            {
                Report(path, value, $"Expected type \"{type.Name}\" to be an object.");
                return null;
            }

            var fields = type.Fields;
            var result = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
            var given = 0;
            foreach (var field in fields)
            {
                if (!input.TryGet(field.Name, out var fieldValue))
                {
                    if (field.HasDefaultValue)
                    {
                        result[field.Name] = field.DefaultValue;
                    }
                    else if (field.Type is NonNullType)
                    {
                        Report(path, value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                    }

                    continue;
                }

                given++;
                result[field.Name] = Coerce(fieldValue, field.Type, new PathStep(path, field.Name), depth + 1);
            }

            if (input.CountKeys() != given)
            {
                ReportUnknownFields(input, type, path, value);
            }

            if (type.IsOneOf)
            {
                CheckOneOf(result, type, path, value);
            }

            return result;
        }

        private void ReportUnknownFields(InputObject input, InputObjectType type, PathStep? path, object value)
        {
            foreach (var key in input.Keys())
            {
                if (type.GetField(key) is not null)
                {
                    continue;
                }

                var suggestions = hideSuggestions ? [] : SuggestionList.Find(key, FieldNames(type));
                Report(path, value, $"Field \"{key}\" is not defined by type \"{type.Name}\"." + DidYouMean.Format(suggestions));
            }
        }

        private void CheckOneOf(Dictionary<string, object?> result, InputObjectType type, PathStep? path, object value)
        {
            if (result.Count != 1)
            {
                Report(path, value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }

            foreach (var (key, fieldValue) in result)
            {
                if (fieldValue is null)
                {
                    onError(PathStep.ToList(path, key), null, new GraphQLError($"Field \"{key}\" must be non-null."));
                }

                break;
            }
        }

        private object? CoerceScalar(object value, ScalarType scalar, PathStep? path)
        {
            object? result;
            try
            {
                result = scalar.ParseValue(value);
            }
            catch (GraphQLError error)
            {
                onError(PathStep.ToList(path), value, error);
                return null;
            }
            catch (Exception exception)
            {
                onError(
                    PathStep.ToList(path),
                    value,
                    new GraphQLError($"Expected type \"{scalar.Name}\". " + exception.Message, originalError: exception));
                return null;
            }

            if (result is null)
            {
                Report(path, value, $"Expected type \"{scalar.Name}\".");
            }

            return result;
        }

        private object? CoerceEnum(object value, EnumType type, PathStep? path)
        {
            // The common case, a known name, needs no exception.
            if (value is string name && type.GetValue(name) is { } found)
            {
                return found.Value;
            }

            try
            {
                return type.ParseValue(value, hideSuggestions);
            }
            catch (GraphQLError error)
            {
                onError(PathStep.ToList(path), value, error);
                return null;
            }
        }

        private void Report(PathStep? path, object? value, string message) =>
            onError(PathStep.ToList(path), value, new GraphQLError(message));

        private static string[] FieldNames(InputObjectType type)
        {
            var names = new string[type.Fields.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = type.Fields[i].Name;
            }

            return names;
        }
    }
}
