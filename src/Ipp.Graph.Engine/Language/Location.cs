namespace Ipp.Graph.Engine.Language;

/// <summary>The span of source text a syntax node was parsed from: [Start, End) character offsets.</summary>
public sealed class Location
{
    public Location(int start, int end, Source source)
    {
        Start = start;
        End = end;
        Source = source;
    }

    public int Start { get; }

    public int End { get; }

    public Source Source { get; }

    /// <summary>Line and column of the first character of the node.</summary>
    public SourceLocation StartLocation => Source.GetLocation(Start);
}
