using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The built-in <c>Int</c>: a signed 32-bit whole number. Internal value: <see cref="int"/>. As graphql-js does, output
/// accepts booleans (as 1 and 0), whole numbers of any numeric type and numeric strings; input accepts only numbers.
/// </summary>
internal sealed class IntScalar : ScalarType
{
    public IntScalar()
        : base("Int", "A signed 32-bit whole number, from -(2^31) to 2^31 - 1.")
    {
        IsBuiltIn = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case int:
                return value;
            case bool flag:
                return ScalarValues.Box(flag ? 1 : 0);
            case string text:
                return SerializeText(text);
            case char character:
                return SerializeText(character.ToString());
            case JsonElement element when ScalarValues.Unwrap(element) is { } unwrapped and not JsonElement:
                return Serialize(unwrapped);
        }

        return FromNumber(value);
    }

    public override object ParseValue(object value)
    {
        if (value is int)
        {
            return value;
        }

        return FromNumber(value);
    }

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not IntValueNode intLiteral)
        {
            throw new GraphQLError("Int cannot represent non-integer value: " + Printer.Print(literal), [literal]);
        }

        if (!int.TryParse(intLiteral.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            throw new GraphQLError("Int cannot represent non 32-bit signed integer value: " + intLiteral.Value, [literal]);
        }

        return ScalarValues.Box(number);
    }

    /// <summary>A whole number in range; messages print the number as JavaScript would.</summary>
    private static object FromNumber(object value)
    {
        var kind = ScalarValues.ReadNumber(value, out var integer, out var real);
        if (kind == NumberKind.NotNumber || (kind == NumberKind.Double && !ScalarValues.IsInteger(real)))
        {
            throw new GraphQLError("Int cannot represent non-integer value: " + Inspect.Format(value));
        }

        if (kind == NumberKind.Double || integer is < int.MinValue or > int.MaxValue)
        {
            throw new GraphQLError("Int cannot represent non 32-bit signed integer value: " + Inspect.Format(value));
        }

        return ScalarValues.Box((int)integer);
    }

    private static object SerializeText(string text)
    {
        // The messages quote the string, not the number read from it.
        var number = ScalarValues.NumberOfText(text);
        if (!ScalarValues.IsInteger(number))
        {
            throw new GraphQLError("Int cannot represent non-integer value: " + Inspect.Format(text));
        }

        if (number is < int.MinValue or > int.MaxValue)
        {
            throw new GraphQLError("Int cannot represent non 32-bit signed integer value: " + Inspect.Format(text));
        }

        return ScalarValues.Box((int)number);
    }
}
