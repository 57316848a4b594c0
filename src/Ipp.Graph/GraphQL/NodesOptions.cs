namespace Ipp.Graph.GraphQL;

/// <summary>The <c>Nodes</c> settings: how <c>nodes(ids:)</c> is bounded.</summary>
public sealed class NodesOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Nodes";

    /// <summary>The most ids one <c>nodes(ids:)</c> may ask for (HotChocolate's default batch size, 50).</summary>
    public int MaxIds { get; set; } = 50;

    internal void Validate()
    {
        if (MaxIds < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxIds must be 1 or more; it is {MaxIds}.");
        }
    }
}
