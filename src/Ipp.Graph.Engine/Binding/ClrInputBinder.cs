using System.Linq.Expressions;
using System.Reflection;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Compiles the factories that turn coerced input objects (dictionaries) into bound .NET types: through the public
/// constructor whose parameters match fields (by camelCase name), then through settable properties for the other
/// fields. Field values are converted on the way: nested input objects (bound to the member's type on demand), lists
/// (arrays and the usual collection interfaces), enums (bound to the member's .NET enum on demand), nullables and
/// numbers. Every conversion is compiled once, here.
/// </summary>
internal sealed class ClrInputBinder(List<GraphQLError> problems)
{
    private static readonly MethodInfo ToArrayMethod = typeof(ClrInputBinder).GetMethod(nameof(ToArray), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ToListMethod = typeof(ClrInputBinder).GetMethod(nameof(ToList), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Binds an input type to a .NET type; false (with problems reported) when the type cannot be built from the fields.</summary>
    public bool Bind(InputObjectType type, Type clrType)
    {
        if (type.ClrType is { } existing)
        {
            if (existing == clrType)
            {
                return true;
            }

            problems.Add(new GraphQLError(
                $"Input type \"{type.Name}\" is bound to {existing.Name} and cannot also be bound to {clrType.Name}.",
                [type.AstNode]));
            return false;
        }

        // Bound before its fields are compiled, so that recursive input types find themselves.
        type.ClrType = clrType;
        var factory = CompileFactory(type, clrType);
        if (factory is null)
        {
            return false;
        }

        type.Factory = factory;
        return true;
    }

    private Func<IReadOnlyDictionary<string, object?>, object>? CompileFactory(InputObjectType type, Type clrType)
    {
        var fields = type.Fields;
        var constructor = ChooseConstructor(type, clrType);
        if (constructor is null && !clrType.IsValueType)
        {
            problems.Add(new GraphQLError(
                $"{clrType.Name} cannot be built from input type \"{type.Name}\": it needs a public constructor whose parameters "
                + "each match a field (by camelCase name) or have a default value.",
                [type.AstNode]));
            return null;
        }

        var parameters = constructor?.GetParameters() ?? [];
        var values = Expression.Parameter(typeof(object?[]), "values");
        var given = Expression.Parameter(typeof(bool[]), "given");
        var instance = Expression.Variable(clrType, "instance");
        var fieldIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            fieldIndexes[fields[i].Name] = i;
        }

        var converters = new Func<object?, object?>?[fields.Count];
        var used = new bool[fields.Count];
        var ok = true;

        var arguments = new Expression[parameters.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            var fallback = parameter.HasDefaultValue && parameter.DefaultValue is not null
                ? Expression.Constant(parameter.DefaultValue, parameter.ParameterType)
                : (Expression)Expression.Default(parameter.ParameterType);
            if (!TryFindField(fieldIndexes, parameter.Name!, out var index))
            {
                arguments[p] = fallback;
                continue;
            }

            used[index] = true;
            ok &= TryConverter(fields[index], parameter.ParameterType, clrType, out converters[index]);
            arguments[p] = Expression.Condition(
                Expression.ArrayIndex(given, Expression.Constant(index)),
                Unbox(Expression.ArrayIndex(values, Expression.Constant(index)), parameter.ParameterType),
                fallback);
        }

        var body = new List<Expression>
        {
            Expression.Assign(instance, constructor is null ? Expression.New(clrType) : Expression.New(constructor, arguments)),
        };
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length != 0
                || !TryFindField(fieldIndexes, property.Name, out var index) || used[index])
            {
                continue;
            }

            used[index] = true;
            ok &= TryConverter(fields[index], property.PropertyType, clrType, out converters[index]);
            body.Add(Expression.IfThen(
                Expression.ArrayIndex(given, Expression.Constant(index)),
                Expression.Assign(
                    Expression.Property(instance, property),
                    Unbox(Expression.ArrayIndex(values, Expression.Constant(index)), property.PropertyType))));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i])
            {
                problems.Add(new GraphQLError(
                    $"Input field \"{type.Name}.{fields[i].Name}\" matches no constructor parameter or settable property of {clrType.Name}.",
                    [fields[i].AstNode]));
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        body.Add(Expression.Convert(instance, typeof(object)));
        var build = Expression.Lambda<Func<object?[], bool[], object>>(Expression.Block([instance], body), values, given).Compile();
        var names = new string[fields.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Name;
        }

        return input =>
        {
            var fieldValues = new object?[names.Length];
            var present = new bool[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (input.TryGetValue(names[i], out var value))
                {
                    present[i] = true;
                    fieldValues[i] = converters[i] is { } convert && value is not null ? convert(value) : value;
                }
            }

            return build(fieldValues, present);
        };
    }

    /// <summary>The constructor with the most parameters that all match a field or have a default; a parameterless one otherwise.</summary>
    private static ConstructorInfo? ChooseConstructor(InputObjectType type, Type clrType)
    {
        ConstructorInfo? best = null;
        foreach (var constructor in clrType.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var parameters = constructor.GetParameters();
            var usable = true;
            foreach (var parameter in parameters)
            {
                if (parameter.Name is null || (type.GetField(parameter.Name) is null
                    && type.GetField(ClrNames.ToCamelCase(parameter.Name)) is null && !parameter.HasDefaultValue))
                {
                    usable = false;
                    break;
                }
            }

            if (usable && (best is null || parameters.Length > best.GetParameters().Length))
            {
                best = constructor;
            }
        }

        return best;
    }

    private static bool TryFindField(Dictionary<string, int> fieldIndexes, string memberName, out int index) =>
        fieldIndexes.TryGetValue(memberName, out index) || fieldIndexes.TryGetValue(ClrNames.ToCamelCase(memberName), out index);

    /// <summary>An object holding a value for <paramref name="target"/> (or null) as that type; null gives the default.</summary>
    private static Expression Unbox(Expression value, Type target)
    {
        if (!target.IsValueType || Nullable.GetUnderlyingType(target) is not null)
        {
            return Expression.Convert(value, target);
        }

        return Expression.Condition(
            Expression.Equal(value, Expression.Constant(null)),
            Expression.Default(target),
            Expression.Convert(value, target));
    }

    /// <summary>How to turn the field's internal value into <paramref name="target"/>; null when it already is one.</summary>
    private bool TryConverter(InputFieldDefinition field, Type target, Type owner, out Func<object?, object?>? converter)
    {
        converter = Converter(field.Type, target);
        if (converter is not null || IsAssignable(field.Type, target))
        {
            return true;
        }

        problems.Add(new GraphQLError(
            $"Input field \"{field.DeclaringType.Name}.{field.Name}\" of type \"{field.Type}\" cannot be converted to "
            + $"{FriendlyName(target)} (the type of {owner.Name}'s member).",
            [field.AstNode]));
        return false;
    }

    private static string FriendlyName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + "?" : type.Name;

    /// <summary>True when the internal value of <paramref name="type"/> can be assigned to <paramref name="target"/> as it is.</summary>
    private static bool IsAssignable(GraphQLType type, Type target)
    {
        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target == typeof(object))
        {
            return true;
        }

        return type.Nullable switch
        {
            ListType => target.IsAssignableFrom(typeof(object?[])),
            InputObjectType => target.IsAssignableFrom(typeof(Dictionary<string, object?>)),
            EnumType enumType => enumType.ClrType is { } clr ? target.IsAssignableFrom(clr) : target == typeof(string),
            ScalarType scalar => InternalType(scalar) is { } clr && target.IsAssignableFrom(clr),
            _ => false,
        };
    }

    /// <summary>The .NET type of the scalars' internal values where it is known.</summary>
    private static Type? InternalType(ScalarType scalar) => scalar switch
    {
        _ when ReferenceEquals(scalar, SpecifiedScalars.Int) => typeof(int),
        _ when ReferenceEquals(scalar, SpecifiedScalars.Float) => typeof(double),
        _ when ReferenceEquals(scalar, SpecifiedScalars.Boolean) => typeof(bool),
        _ when ReferenceEquals(scalar, SpecifiedScalars.String) || ReferenceEquals(scalar, SpecifiedScalars.ID) => typeof(string),
        DateTimeScalar => typeof(DateTimeOffset),
        UuidScalar => typeof(Guid),
        LongScalar => typeof(long),
        UploadScalar => typeof(IUploadedFile),
        _ => null,
    };

    private Func<object?, object?>? Converter(GraphQLType type, Type target)
    {
        var nullable = type.Nullable;
        var clrTarget = Nullable.GetUnderlyingType(target) ?? target;
        if (IsAssignable(nullable, target))
        {
            return null;
        }

        switch (nullable)
        {
            case ListType list when ElementType(clrTarget) is { } element:
                var item = Converter(list.OfType, element);
                if (item is null && !IsAssignable(list.OfType, element))
                {
                    return null;
                }

                var convertList = (Func<object?, Func<object?, object?>?, object?>)Delegate.CreateDelegate(
                    typeof(Func<object?, Func<object?, object?>?, object?>),
                    (clrTarget.IsArray ? ToArrayMethod : ToListMethod).MakeGenericMethod(element));
                return value => convertList(value, item);
            case InputObjectType input when !clrTarget.IsPrimitive && clrTarget != typeof(string):
                if (input.ClrType is null)
                {
                    Bind(input, clrTarget);
                }

                if (input.ClrType != clrTarget)
                {
                    return null;
                }

                return value => value is IReadOnlyDictionary<string, object?> map && input.Factory is { } factory ? factory(map) : value;
            case EnumType enumType when clrTarget.IsEnum && enumType.ClrType is null:
                return ClrEnumBinder.TryBind(enumType, clrTarget, problems) ? Identity : null;
            case EnumType enumType when clrTarget == typeof(string) && enumType.ClrType is not null:
                return value => enumType.GetValueByInternal(value!)?.Name;
            case ScalarType scalar:
                return ScalarConverter(scalar, clrTarget);
            default:
                return null;
        }
    }

    private static readonly Func<object?, object?> Identity = value => value;

    private static Func<object?, object?>? ScalarConverter(ScalarType scalar, Type target)
    {
        var source = InternalType(scalar);
        if (source is null)
        {
            // A custom scalar of unknown internal type: the value is cast when the factory runs.
            return Identity;
        }

        if (source == typeof(DateTimeOffset) && target == typeof(DateTime))
        {
            return value => ((DateTimeOffset)value!).UtcDateTime;
        }

        if (source == typeof(string) && target == typeof(Guid))
        {
            return value => Guid.TryParse((string)value!, out var guid)
                ? guid
                : throw new GraphQLError($"Expected a UUID but got {Inspect.Format(value)}.");
        }

        if (IsNumeric(source) && IsNumeric(target))
        {
            var parameter = Expression.Parameter(typeof(object), "value");
            var body = Expression.Convert(Expression.Convert(Expression.Unbox(parameter, source), target), typeof(object));
            return Expression.Lambda<Func<object?, object?>>(body, parameter).Compile();
        }

        return null;
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float)
        || type == typeof(decimal) || type == typeof(short) || type == typeof(byte);

    /// <summary>The element type of the arrays and collection interfaces a list can become.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object? ToArray<T>(object? value, Func<object?, object?>? item)
    {
        if (value is not System.Collections.IList list)
        {
            return value;
        }

        var result = new T[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Item<T>(list[i], item);
        }

        return result;
    }

    /// <summary>A list item as <typeparamref name="T"/>; null becomes the default (null, or zero for a value type).</summary>
    private static T Item<T>(object? element, Func<object?, object?>? item)
    {
        var converted = item is not null && element is not null ? item(element) : element;
        return converted is null ? default! : (T)converted;
    }

    private static object? ToList<T>(object? value, Func<object?, object?>? item)
    {
        if (value is not System.Collections.IList list)
        {
            return value;
        }

        var result = new List<T>(list.Count);
        foreach (var element in list)
        {
            result.Add(Item<T>(element, item));
        }

        return result;
    }
}
