namespace Ipp.Graph.Transport.Http;

/// <summary>The settings of GraphQL over HTTP (section "GraphQLHttp" of appsettings.json).</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GraphQLHttp";

    /// <summary>
    /// Largest request body accepted, in bytes, checked while reading (a larger body is refused with 413 without
    /// being read further). Default 1 MiB.
    /// </summary>
    public int MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of JSON accepted in a request body or in GET's <c>variables</c> and <c>extensions</c> (400 beyond). Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Fails when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxRequestBytes <= 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxRequestBytes)} must be a positive number of bytes, not {MaxRequestBytes}.");
        }

        if (MaxJsonDepth <= 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxJsonDepth)} must be positive, not {MaxJsonDepth}.");
        }
    }
}
