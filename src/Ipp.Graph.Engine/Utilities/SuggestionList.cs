namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// Picks, from the valid names, those close enough to a mistyped one to suggest ("Did you mean ...?"), closest first
/// (graphql-js's suggestionList). Closeness is an edit distance in which a change of letter case costs one edit.
/// </summary>
public static class SuggestionList
{
    /// <summary>The options within a distance of 40% of the input's length (plus one), by distance and then natural order.</summary>
    public static IReadOnlyList<string> Find(string input, IEnumerable<string> options)
    {
        var distance = new LexicalDistance(input);
        var threshold = (input.Length * 4 / 10) + 1;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (!found.ContainsKey(option) && distance.Measure(option, threshold) is { } measured)
            {
                found[option] = measured;
            }
        }

        var result = new List<string>(found.Keys);
        result.Sort((a, b) =>
        {
            var byDistance = found[a] - found[b];
            return byDistance != 0 ? byDistance : NaturalCompare(a, b);
        });
        return result;
    }

    /// <summary>Compares strings with runs of digits compared by their numeric value (<c>a2</c> before <c>a10</c>).</summary>
    public static int NaturalCompare(string a, string b)
    {
        var ai = 0;
        var bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            var ac = a[ai];
            var bc = b[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                var aNumber = ReadNumber(a, ref ai);
                var bNumber = ReadNumber(b, ref bi);
                if (aNumber != bNumber)
                {
                    return aNumber < bNumber ? -1 : 1;
                }
            }
            else
            {
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                ai++;
                bi++;
            }
        }

        return a.Length - b.Length;
    }

    // Like graphql-js, a number stops after a leading zero ("007" reads as 0, then 0, then 7).
    private static double ReadNumber(string text, ref int index)
    {
        double number = 0;
        do
        {
            number = (number * 10) + (text[index] - '0');
            index++;
        }
        while (index < text.Length && char.IsAsciiDigit(text[index]) && number > 0);
        return number;
    }

    /// <summary>Damerau-Levenshtein distance from one input to many options, case changes counting as one edit.</summary>
    private sealed class LexicalDistance
    {
        private readonly string _input;
        private readonly string _inputLowerCase;
        private readonly int[][] _rows;

        public LexicalDistance(string input)
        {
            _input = input;
            _inputLowerCase = input.ToLowerInvariant();
            _rows = [new int[input.Length + 1], new int[input.Length + 1], new int[input.Length + 1]];
        }

        public int? Measure(string option, int threshold)
        {
            if (_input == option)
            {
                return 0;
            }

            var optionLowerCase = option.ToLowerInvariant();
            if (_inputLowerCase == optionLowerCase)
            {
                return 1;
            }

            var a = optionLowerCase;
            var b = _inputLowerCase;
            if (a.Length < b.Length)
            {
                (a, b) = (b, a);
            }

            if (a.Length - b.Length > threshold)
            {
                return null;
            }

            var rows = _rows;
            for (var j = 0; j <= b.Length; j++)
            {
                rows[0][j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                var upRow = rows[(i - 1) % 3];
                var currentRow = rows[i % 3];
                var smallestCell = currentRow[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                    }

                    smallestCell = Math.Min(smallestCell, currentCell);
                    currentRow[j] = currentCell;
                }

                // No later row can get below the smallest cell of this one.
                if (smallestCell > threshold)
                {
                    return null;
                }
            }

            var distance = rows[a.Length % 3][b.Length];
            return distance <= threshold ? distance : null;
        }
    }
}
