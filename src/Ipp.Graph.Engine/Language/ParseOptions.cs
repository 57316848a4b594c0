namespace Ipp.Graph.Engine.Language;

/// <summary>Options of the parser.</summary>
public sealed class ParseOptions
{
    public static ParseOptions Default { get; } = new();

    /// <summary>Do not record <see cref="Location"/> on nodes (smaller trees; errors then carry no locations).</summary>
    public bool NoLocation { get; init; }

    /// <summary>Stop with an error after this many tokens; null for no limit.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Stop with an error (code MAX_TOKENS_EXCEEDED) after this many comments; null for no limit.</summary>
    public int? MaxComments { get; init; }

    /// <summary>Refuse sources longer than this many UTF-16 code units (code DOCUMENT_TOO_LARGE); null for no limit.</summary>
    public int? MaxSourceLength { get; init; }

    /// <summary>
    /// How deeply selection sets, list and object values and list types may nest, all counted together; deeper
    /// documents fail with code MAX_DEPTH_EXCEEDED. Bounds the parser's recursion, and so that of everything
    /// that later walks the tree.
    /// </summary>
    public int MaxDepth { get; init; } = 200;
}
