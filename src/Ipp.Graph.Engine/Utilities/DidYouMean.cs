using System.Text;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Formats suggestions as the end of an error message: <c> Did you mean "a", "b", or "c"?</c> (graphql-js's didYouMean).</summary>
public static class DidYouMean
{
    private const int MaxSuggestions = 5;

    /// <summary>Empty when there are no suggestions; otherwise a sentence with a leading space naming at most five.</summary>
    public static string Format(IReadOnlyList<string> suggestions) => Format(null, suggestions);

    /// <param name="subject">Words placed before the suggestions, as in <c>Did you mean the enum value "A"?</c>.</param>
    /// <param name="suggestions">The names to suggest, best first.</param>
    public static string Format(string? subject, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var message = new StringBuilder(" Did you mean ");
        if (!string.IsNullOrEmpty(subject))
        {
            message.Append(subject).Append(' ');
        }

        if (suggestions.Count == 1)
        {
            return message.Append('"').Append(suggestions[0]).Append("\"?").ToString();
        }

        if (suggestions.Count == 2)
        {
            return message.Append('"').Append(suggestions[0]).Append("\" or \"").Append(suggestions[1]).Append("\"?").ToString();
        }

        var shown = Math.Min(MaxSuggestions, suggestions.Count);
        for (var i = 0; i < shown - 1; i++)
        {
            message.Append('"').Append(suggestions[i]).Append("\", ");
        }

        return message.Append("or \"").Append(suggestions[shown - 1]).Append("\"?").ToString();
    }
}
