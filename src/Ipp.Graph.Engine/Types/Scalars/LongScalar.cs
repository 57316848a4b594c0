using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>Long</c>: a signed 64-bit whole number. Internal value: <see cref="long"/>. Input accepts whole numbers and
/// strings of digits (for clients whose numbers lose precision past 2^53); output writes a JSON number.
/// </summary>
public sealed class LongScalar : ScalarType
{
    public LongScalar(string name = "Long")
        : base(
            name,
            "A signed 64-bit whole number, from -(2^63) to 2^63 - 1. Accepted as a number or as a string of digits; "
            + "given as a number.")
    {
    }

    public override object Serialize(object value) => value is long ? value : Coerce(value);

    public override object ParseValue(object value) => value is long ? value : Coerce(value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        var text = literal switch
        {
            IntValueNode integer => integer.Value,
            StringValueNode str => str.Value,
            _ => null,
        };
        if (text is null || !IsIntegerText(text))
        {
            throw new GraphQLError($"{Name} cannot represent non-integer value: {Printer.Print(literal)}", [literal]);
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new GraphQLError($"{Name} cannot represent non 64-bit signed integer value: {LiteralText(literal, text)}", [literal]);
        }

        return number;
    }

    /// <summary>The literal as written: digits bare, strings quoted.</summary>
    private static string LiteralText(ValueNode literal, string text) => literal is StringValueNode ? Inspect.Quote(text) : text;

    private static bool IsIntegerText(string text)
    {
        var start = text.StartsWith('-') ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private object Coerce(object value)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.String } element)
        {
            value = JsonStrings.GetString(element)!;
        }

        if (value is string text)
        {
            if (!IsIntegerText(text))
            {
                throw new GraphQLError($"{Name} cannot represent non-integer value: {Inspect.Format(text)}");
            }

            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new GraphQLError($"{Name} cannot represent non 64-bit signed integer value: {Inspect.Format(text)}");
        }

        var kind = ScalarValues.ReadNumber(value, out var integer, out var real);
        if (kind == NumberKind.Integer)
        {
            return integer;
        }

        if (kind == NumberKind.Double && ScalarValues.IsInteger(real))
        {
            throw new GraphQLError($"{Name} cannot represent non 64-bit signed integer value: {Inspect.Format(value)}");
        }

        throw new GraphQLError($"{Name} cannot represent non-integer value: {Inspect.Format(value)}");
    }
}
