namespace Ipp.Graph.Engine.Language;

/// <summary>
/// The text of a GraphQL document and the name it is known by (a file name, or "GraphQL request").
/// Converts character offsets into 1-based line and column numbers for error messages.
/// </summary>
public sealed class Source
{
    private int[]? _lineStarts;

    public Source(string body, string name = "GraphQL request")
    {
        Body = body;
        Name = name;
    }

    public string Body { get; }

    public string Name { get; }

    /// <summary>Line and column (both 1-based) of a character offset; lines end at \n, \r\n or \r as the spec says.</summary>
    public SourceLocation GetLocation(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(line + 1, offset - starts[line] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
