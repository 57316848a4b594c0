using System.Buffers;
using System.Text;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Finds UTF-16 surrogates that are not half of a pair: a JSON string may carry one (<c>"\ud800"</c>), yet it is no
/// character and has no UTF-8 form (encoders write U+FFFD in its place, the same for every one of them).
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>The first lone surrogate of <paramref name="text"/>; null when there is none.</summary>
    public static char? First(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // InvalidData: a low surrogate first, or a high one before anything else; NeedMoreData: a high one last.
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != OperationStatus.Done)
            {
                return text[0];
            }

            text = text[consumed..];
        }

        return null;
    }
}
