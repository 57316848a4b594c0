using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The built-in <c>Float</c>: a finite double. Internal value: <see cref="double"/>. Output accepts booleans (1 and 0),
/// every numeric type and numeric strings, as graphql-js does; an int or long result is returned as it is (its JSON
/// is the same). Input accepts finite numbers only.
/// </summary>
internal sealed class FloatScalar : ScalarType
{
    public FloatScalar()
        : base("Float", "A signed double-precision floating-point number, as IEEE 754 defines it.")
    {
        IsBuiltIn = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case double number when double.IsFinite(number):
                return value;
            case int or long:
                return value;
            case bool flag:
                return flag ? ScalarValues.DoubleOne : ScalarValues.DoubleZero;
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
        if (value is double number && double.IsFinite(number))
        {
            return value;
        }

        return FromNumber(value);
    }

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        var text = literal switch
        {
            FloatValueNode floatLiteral => floatLiteral.Value,
            IntValueNode intLiteral => intLiteral.Value,
            _ => throw new GraphQLError("Float cannot represent non numeric value: " + Printer.Print(literal), [literal]),
        };

        // As JavaScript's parseFloat does, a literal beyond the range of a double reads as an infinity.
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object FromNumber(object value)
    {
        var kind = ScalarValues.ReadNumber(value, out var integer, out var real);
        if (kind == NumberKind.Integer)
        {
            return (double)integer;
        }

        if (kind == NumberKind.NotNumber || !double.IsFinite(real))
        {
            throw new GraphQLError("Float cannot represent non numeric value: " + Inspect.Format(value));
        }

        return real;
    }

    private static object SerializeText(string text)
    {
        var number = ScalarValues.NumberOfText(text);
        if (!double.IsFinite(number))
        {
            throw new GraphQLError("Float cannot represent non numeric value: " + Inspect.Format(text));
        }

        return number;
    }
}
