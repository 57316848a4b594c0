using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// The output of a <c>DateTime</c> scalar (<see cref="Types.Scalars.DateTimeScalar"/>) for a date the resolver
/// returned as a <see cref="DateTimeOffset"/> or <see cref="DateTime"/>, kept in its slot as the instant: the response
/// writers write its text (<see cref="ScalarText.OfUtcDateTime"/>) straight into the response, without a string.
/// </summary>
internal sealed class UtcInstant(DateTime utc)
{
    public readonly DateTime Utc = utc;

    /// <summary>Writes the instant's text, <see cref="ScalarText.UtcDateTimeLength"/> bytes of ASCII, none escaped.</summary>
    public void Format(Span<byte> utf8) => ScalarText.FormatUtcDateTime(Utc, utf8);

    public override string ToString() => ScalarText.OfUtcDateTime(Utc);
}
