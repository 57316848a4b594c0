using System.Collections;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
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
        return coercion.Coerce(value, type, 0);
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

    /// <summary>A step into a value: a field name, or a list index when the name is null.</summary>
    private readonly record struct PathKey(string? Name, int Index);

    /// <summary>One coercion: the error sink, and the path to the value being coerced as a stack reused for every step.</summary>
    private sealed class Coercion(InputCoercionError onError, bool hideSuggestions)
    {
        private PathKey[] _path = [];
        private int _pathLength;

        public object? Coerce(object? value, GraphQLType type, int depth)
        {
            if (value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
            {
                value = null;
            }

            if (type is NonNullType nonNull)
            {
                if (value is not null)
                {
                    return Coerce(value, nonNull.OfType, depth);
                }

                Report(null, $"Expected non-nullable type \"{type}\" not to be null.");
                return null;
            }

            if (value is null)
            {
                return null;
            }

            if (depth > MaxDepth)
            {
                onError(
                    CurrentPath(),
                    value,
                    new GraphQLError($"Input value nests deeper than {MaxDepth} levels.", code: ErrorCodes.MaxDepthExceeded));
                return null;
            }

            return type switch
            {
                ListType list => CoerceList(value, list.OfType, depth),
                InputObjectType inputObject => CoerceObject(value, inputObject, depth),
                ScalarType scalar => CoerceScalar(value, scalar),
                EnumType enumType => CoerceEnum(value, enumType),
                _ => throw new ArgumentException($"Unexpected input type: {type}.", nameof(type)),
            };
        }

        private object? CoerceList(object value, GraphQLType itemType, int depth)
        {
            switch (value)
            {
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                    var fromJson = new object?[array.GetArrayLength()];
                    var index = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        fromJson[index] = CoerceItem(item, itemType, index, depth);
                        index++;
                    }

                    return fromJson;
                case IList list:
                    var items = new object?[list.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = CoerceItem(list[i], itemType, i, depth);
                    }

                    return items;
                case IEnumerable sequence and not string and not IDictionary and not IReadOnlyDictionary<string, object?>:
                    var collected = new List<object?>();
                    foreach (var item in sequence)
                    {
                        collected.Add(CoerceItem(item, itemType, collected.Count, depth));
                    }

                    return collected.ToArray();
                default:
                    // A single value stands for a list of one.
                    return new[] { Coerce(value, itemType, depth + 1) };
            }
        }

        private Dictionary<string, object?>? CoerceObject(object value, InputObjectType type, int depth)
        {
            var input = InputObject.Of(value);
            if (input.IsNone)
            {
                Report(value, $"Expected type \"{type.Name}\" to be an object.");
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
                        Report(value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                    }

                    continue;
                }

                given++;
                Push(new PathKey(field.Name, 0));
                result[field.Name] = Coerce(fieldValue, field.Type, depth + 1);
                _pathLength--;
            }

            if (input.CountKeys() != given)
            {
                ReportUnknownFields(input, type, value);
            }

            if (type.IsOneOf)
            {
                CheckOneOf(result, type, value);
            }

            return result;
        }

        private void ReportUnknownFields(InputObject input, InputObjectType type, object value)
        {
            foreach (var key in input.Keys())
            {
                if (type.GetField(key) is not null)
                {
                    continue;
                }

                var suggestions = hideSuggestions ? [] : SuggestionList.Find(key, FieldNames(type));
                Report(value, $"Field \"{key}\" is not defined by type \"{type.Name}\"." + DidYouMean.Format(suggestions));
            }
        }

        private void CheckOneOf(Dictionary<string, object?> result, InputObjectType type, object value)
        {
            if (result.Count != 1)
            {
                Report(value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }

            foreach (var (key, fieldValue) in result)
            {
                if (fieldValue is null)
                {
                    onError(CurrentPath(key), null, new GraphQLError($"Field \"{key}\" must be non-null."));
                }

                break;
            }
        }

        private object? CoerceScalar(object value, ScalarType scalar)
        {
            object? result;
            try
            {
                result = scalar.ParseValue(value);
            }
            catch (GraphQLError error)
            {
                onError(CurrentPath(), value, error);
                return null;
            }
            catch (Exception exception)
            {
                onError(
                    CurrentPath(),
                    value,
                    new GraphQLError($"Expected type \"{scalar.Name}\". " + exception.Message, originalError: exception));
                return null;
            }

            if (result is null)
            {
                Report(value, $"Expected type \"{scalar.Name}\".");
            }

            return result;
        }

        private object? CoerceEnum(object value, EnumType type)
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
                onError(CurrentPath(), value, error);
                return null;
            }
        }

        private void Report(object? value, string message) => onError(CurrentPath(), value, new GraphQLError(message));

        private object? CoerceItem(object? item, GraphQLType itemType, int index, int depth)
        {
            Push(new PathKey(null, index));
            var coerced = Coerce(item, itemType, depth + 1);
            _pathLength--;
            return coerced;
        }

        private void Push(PathKey key)
        {
            if (_pathLength == _path.Length)
            {
                Array.Resize(ref _path, Math.Max(8, _path.Length * 2));
            }

            _path[_pathLength++] = key;
        }

        /// <summary>The path to the current value (plus one more field name), as the error callback receives it.</summary>
        private object[] CurrentPath(string? extra = null)
        {
            var keys = new object[_pathLength + (extra is null ? 0 : 1)];
            for (var i = 0; i < _pathLength; i++)
            {
                keys[i] = _path[i].Name ?? (object)_path[i].Index;
            }

            if (extra is not null)
            {
                keys[^1] = extra;
            }

            return keys;
        }

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
