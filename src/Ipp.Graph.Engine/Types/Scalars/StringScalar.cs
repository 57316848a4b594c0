using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The built-in <c>String</c>. Internal value: <see cref="string"/>. Output accepts strings, booleans and finite numbers
/// as graphql-js does, and also the .NET values with one canonical text: chars, enum members (their name), Guids
/// (hyphenated lowercase), dates (ISO 8601 in UTC), URIs and time spans. Input accepts strings only.
/// </summary>
internal sealed class StringScalar : ScalarType
{
    public StringScalar()
        : base("String", "Text: a sequence of Unicode characters, sent as UTF-8. Most often free-form text meant for people.")
    {
        IsBuiltIn = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case string:
                return value;
            case bool flag:
                return flag ? "true" : "false";
            case char character:
                return character.ToString();
            case Enum member:
                return member.ToString();
            case JsonElement element when ScalarValues.Unwrap(element) is { } unwrapped and not JsonElement:
                return Serialize(unwrapped);
        }

        var kind = ScalarValues.ReadNumber(value, out _, out var real);
        if (kind == NumberKind.Integer || (kind == NumberKind.Double && double.IsFinite(real)))
        {
            return ScalarText.OfNumber(value)!;
        }

        return ScalarText.OfClrValue(value)
            ?? throw new GraphQLError("String cannot represent value: " + Inspect.Format(value));
    }

    public override object ParseValue(object value) => value switch
    {
        string => value,
        JsonElement { ValueKind: JsonValueKind.String } element => JsonStrings.GetString(element)!,
        _ => throw new GraphQLError("String cannot represent a non string value: " + Inspect.Format(value)),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal is StringValueNode text
        ? text.Value
        : throw new GraphQLError("String cannot represent a non string value: " + Printer.Print(literal), [literal]);
}
