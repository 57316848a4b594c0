namespace Ipp.Graph.Ide;

/// <summary>The settings of Banana Cake Pop, the GraphQL IDE served to browsers (section "Ide" of appsettings.json).</summary>
public sealed class IdeSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ide";

    /// <summary>Whether <c>GET /graphql</c> from a browser gets the IDE. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The title of the IDE's browser tab and connection. Default "Ipp.Graph".</summary>
    public string Title { get; init; } = "Ipp.Graph";
}
