using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>DateTime</c>: an instant written as an RFC 3339 date-time with an offset (<c>2026-11-21T13:44:00.000Z</c>,
/// <c>2026-11-21T14:44:00+01:00</c>). Internal value: <see cref="DateTimeOffset"/> with the offset that was written.
/// Output accepts DateTimeOffset, DateTime (one of unspecified kind is taken to be UTC) and valid strings, and always
/// writes UTC with milliseconds. Strings without an offset are refused: they do not name an instant.
/// </summary>
public sealed class DateTimeScalar : ScalarType
{
    /// <summary>The specification this scalar follows.</summary>
    public const string SpecificationUrl = "https://scalars.graphql.org/andimarek/date-time";

    public DateTimeScalar(string name = "DateTime")
        : base(
            name,
            "An instant in time, as an RFC 3339 date-time with a UTC offset, such as `2026-11-21T13:44:00.000Z`. "
            + "Results are always given in UTC.",
            SpecificationUrl)
    {
    }

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset instant => Format(instant.UtcDateTime),
        DateTime dateTime => Format(ScalarText.ToUtc(dateTime)),
        string text when Rfc3339.TryParse(text, out var instant) == Rfc3339.Result.Valid => Format(instant.UtcDateTime),
        _ => throw new GraphQLError($"{Name} cannot represent value: {Inspect.Format(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string text => ParseText(text, null),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseText(JsonStrings.GetString(element)!, null),
        _ => throw new GraphQLError($"{Name} cannot represent a non string value: {Inspect.Format(value)}"),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal is StringValueNode text
        ? ParseText(text.Value, literal)
        : throw new GraphQLError($"{Name} cannot represent a non string value: {Printer.Print(literal)}", [literal]);

    private static string Format(DateTime utc) => ScalarText.OfUtcDateTime(utc);

    private object ParseText(string text, ValueNode? literal)
    {
        var message = Rfc3339.TryParse(text, out var instant) switch
        {
            Rfc3339.Result.Valid => null,
            Rfc3339.Result.MissingOffset =>
                $"{Name} cannot represent a date-time without an offset: {Inspect.Quote(text)}. Add \"Z\" for UTC or an offset such as \"+01:00\".",
            _ => $"{Name} cannot represent an invalid date-time string: {Inspect.Quote(text)}. Expected RFC 3339, such as \"2026-11-21T13:44:00Z\".",
        };
        if (message is null)
        {
            return instant;
        }

        throw new GraphQLError(message, [literal]);
    }
}
