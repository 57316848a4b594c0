using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Values;

/// <summary>
/// Converts coerced argument values to the .NET type a resolver asks for (<see cref="ResolveContext.GetArgument{T}"/>).
/// The common case, a value already of the asked type, costs one type check; other conversions are looked up
/// per target type once.
/// </summary>
internal static class ArgumentConversion
{
    private static readonly ConcurrentDictionary<System.Type, ListTarget?> ListTargets = new();
    private static readonly ConcurrentDictionary<System.Type, Dictionary<string, object>> EnumMembers = new();

    public static ArgumentDefinition GetDefinition(FieldDefinition field, string name) =>
        field.GetArgument(name)
        ?? throw new GraphQLError($"Field \"{field}\" has no argument \"{name}\".", code: ErrorCodes.InternalServerError);

    /// <summary>The value of an argument that was not given and has no default: default(T) when T can be null.</summary>
    public static T Absent<T>(FieldDefinition field, string name)
    {
        if (default(T) is null)
        {
            return default!;
        }

        throw new GraphQLError(
            $"Argument \"{name}\" of field \"{field}\" has no value (it was not given and has no default), so it cannot be read as {typeof(T).Name}; read it as a nullable type or with TryGetArgument.",
            code: ErrorCodes.InternalServerError);
    }

    public static T Convert<T>(object? value, ArgumentDefinition definition)
    {
        if (value is T typed)
        {
            return typed;
        }

        if (value is null)
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw CannotConvert(definition, value, typeof(T));
        }

        return (T)ConvertValue(value, definition.Type, typeof(T), definition)!;
    }

    private static object? ConvertValue(object? value, GraphQLType type, System.Type target, ArgumentDefinition definition)
    {
        if (value is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null
                ? null
                : throw CannotConvert(definition, value, target);
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        var named = type.Nullable;
        if (named is InputObjectType { Factory: { } factory } && value is IReadOnlyDictionary<string, object?> fields)
        {
            var built = factory(fields);
            return underlying.IsInstanceOfType(built) ? built : throw CannotConvert(definition, value, target);
        }

        if (underlying.IsEnum)
        {
            return ConvertEnum(value, underlying) ?? throw CannotConvert(definition, value, target);
        }

        if (named is ListType listType && value is IEnumerable items && value is not string
            && ListTargets.GetOrAdd(underlying, CreateListTarget) is { } list)
        {
            var converted = new List<object?>();
            foreach (var item in items)
            {
                converted.Add(ConvertValue(item, listType.OfType, list.ElementType, definition));
            }

            return list.Build(converted);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
        {
            try
            {
                return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
            {
                throw CannotConvert(definition, value, target);
            }
        }

        throw CannotConvert(definition, value, target);
    }

    private static object? ConvertEnum(object value, System.Type enumType)
    {
        if (value is string name)
        {
            var members = EnumMembers.GetOrAdd(enumType, CreateEnumMembers);
            return members.TryGetValue(Simplify(name), out var member) ? member : null;
        }

        return value is IConvertible && value.GetType().IsPrimitive ? Enum.ToObject(enumType, value) : null;
    }

    /// <summary>Enum members by name without underscores, upper-cased, so that DARK_RED finds DarkRed.</summary>
    private static Dictionary<string, object> CreateEnumMembers(System.Type enumType)
    {
        var members = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var member in Enum.GetValues(enumType))
        {
            members.TryAdd(Simplify(member.ToString()!), member);
        }

        return members;
    }

    private static string Simplify(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>How to build a list-like type from converted items; its builder is made once per type, not per call.</summary>
    private static ListTarget? CreateListTarget(System.Type target)
    {
        System.Type element;
        string builder;
        if (target.IsArray)
        {
            element = target.GetElementType()!;
            builder = nameof(ToArray);
        }
        else if (!target.IsGenericType || target.GetGenericArguments() is not [var argument])
        {
            return null;
        }
        else if (target.IsAssignableFrom(argument.MakeArrayType()))
        {
            element = argument;
            builder = nameof(ToArray);
        }
        else if (target.IsAssignableFrom(typeof(List<>).MakeGenericType(argument)))
        {
            element = argument;
            builder = nameof(ToList);
        }
        else
        {
            return null;
        }

        var build = typeof(ArgumentConversion).GetMethod(builder, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(element)
            .CreateDelegate<Func<List<object?>, object>>();
        return new ListTarget(element, build);
    }

    private static object ToArray<TElement>(List<object?> items)
    {
        var array = new TElement[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = (TElement)items[i]!;
        }

        return array;
    }

    private static object ToList<TElement>(List<object?> items) => new List<TElement>((TElement[])ToArray<TElement>(items));

    private static GraphQLError CannotConvert(ArgumentDefinition definition, object? value, System.Type target) =>
        new(
            $"Argument \"{definition.Name}\" holds {(value is null ? "null" : "a value of type " + value.GetType().Name)}, which cannot be converted to {target.Name}.",
            code: ErrorCodes.InternalServerError);

    /// <summary>A list-like .NET type: its element type and how to build it from items converted to that type.</summary>
    private sealed record ListTarget(System.Type ElementType, Func<List<object?>, object> Build);
}
