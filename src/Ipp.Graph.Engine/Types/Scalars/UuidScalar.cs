using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>UUID</c>: a universally unique identifier written as 32 hexadecimal digits in 8-4-4-4-12 groups. Internal value:
/// <see cref="Guid"/>. Input accepts either letter case; output writes lowercase, and accepts Guids and valid strings.
/// </summary>
public sealed class UuidScalar : ScalarType
{
    /// <summary>The specification this scalar follows.</summary>
    public const string SpecificationUrl = "https://tools.ietf.org/html/rfc4122";

    public UuidScalar(string name = "UUID")
        : base(
            name,
            "A universally unique identifier: 32 hexadecimal digits in groups of 8-4-4-4-12, such as "
            + "`5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10`.",
            SpecificationUrl)
    {
    }

    public override object Serialize(object value) => value switch
    {
        Guid guid => guid.ToString("D"),
        string text when Guid.TryParseExact(text, "D", out var guid) => guid.ToString("D"),
        _ => throw new GraphQLError($"{Name} cannot represent value: {Inspect.Format(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string text => ParseText(text, null),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseText(JsonStrings.GetString(element)!, null),
        Guid => value,
        _ => throw new GraphQLError($"{Name} cannot represent a non string value: {Inspect.Format(value)}"),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal is StringValueNode text
        ? ParseText(text.Value, literal)
        : throw new GraphQLError($"{Name} cannot represent a non string value: {Printer.Print(literal)}", [literal]);

    private object ParseText(string text, ValueNode? literal)
    {
        if (Guid.TryParseExact(text, "D", out var guid))
        {
            return guid;
        }

        var message = $"{Name} cannot represent an invalid UUID: {Inspect.Quote(text)}. Expected 8-4-4-4-12 hexadecimal digits.";
        throw new GraphQLError(message, [literal]);
    }
}
