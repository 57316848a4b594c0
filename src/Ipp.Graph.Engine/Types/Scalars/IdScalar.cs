using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The built-in <c>ID</c>. Internal value: <see cref="string"/>. Output and input accept strings and whole numbers
/// (written as their digits), as graphql-js does; output also accepts Guids (hyphenated lowercase).
/// </summary>
internal sealed class IdScalar : ScalarType
{
    public IdScalar()
        : base(
            "ID",
            "A unique identifier, often used to fetch an object again or as a cache key. Sent as a String and not meant "
            + "to be read by people; as input, both a string (\"4\") and an integer (4) are accepted.")
    {
        IsBuiltIn = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case string:
                return value;
            case Guid guid:
                return guid.ToString("D");
            case JsonElement element when ScalarValues.Unwrap(element) is { } unwrapped and not JsonElement:
                return Serialize(unwrapped);
        }

        return IntegerText(value) ?? throw new GraphQLError("ID cannot represent value: " + Inspect.Format(value));
    }

    public override object ParseValue(object value)
    {
        switch (value)
        {
            case string:
                return value;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return JsonStrings.GetString(element)!;
        }

        return IntegerText(value) ?? throw new GraphQLError("ID cannot represent value: " + Inspect.Format(value));
    }

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        StringValueNode text => text.Value,
        IntValueNode integer => integer.Value,
        _ => throw new GraphQLError("ID cannot represent a non-string and non-integer value: " + Printer.Print(literal), [literal]),
    };

    private static string? IntegerText(object value)
    {
        var kind = ScalarValues.ReadNumber(value, out var integer, out var real);
        return kind switch
        {
            NumberKind.Integer => integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NumberKind.Double when ScalarValues.IsInteger(real) => ScalarText.OfNumber(value),
            _ => null,
        };
    }
}
