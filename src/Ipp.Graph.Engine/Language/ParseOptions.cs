namespace Ipp.Graph.Engine.Language;

/// <summary>Options of the parser.</summary>
public sealed class ParseOptions
{
    public static ParseOptions Default { get; } = new();

    /// <summary>Do not record <see cref="Location"/> on nodes (smaller trees; errors then carry no locations).</summary>
    public bool NoLocation { get; init; }

    /// <summary>Stop with an error after this many tokens; null for no limit.</summary>
    public int? MaxTokens { get; init; }
}
