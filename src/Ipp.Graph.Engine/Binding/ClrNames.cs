using System.Text;

namespace Ipp.Graph.Engine.Binding;

/// <summary>How .NET member names map to GraphQL names: <c>FirstName</c> to <c>firstName</c>, <c>DeepRed</c> to <c>DEEP_RED</c>.</summary>
internal static class ClrNames
{
    /// <summary>The name with its leading capitals lowered as one word: <c>Name</c> is <c>name</c>, <c>URLPath</c> is <c>urlPath</c>.</summary>
    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            // In "URLPath" the P starts the next word, so it stays upper-case.
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>The name in SCREAMING_SNAKE_CASE: <c>DeepRed</c> is <c>DEEP_RED</c>, <c>HTTPError</c> is <c>HTTP_ERROR</c>, <c>Utf8</c> is <c>UTF8</c>.</summary>
    public static string ToScreamingSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_'
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.ToString();
    }
}
