using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation;

/// <summary>Finds the names given more than once in a list (graphql-js's groupBy, keeping first-occurrence order).</summary>
internal static class NameGroups
{
    /// <summary>Each name occurring more than once with all its name nodes, in order of first occurrence.</summary>
    public static List<(string Name, List<NameNode> Nodes)>? FindDuplicates<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        if (items.Count < 2)
        {
            return null;
        }

        var groups = new Dictionary<string, List<NameNode>>(items.Count, StringComparer.Ordinal);
        var order = new List<string>(items.Count);
        var hasDuplicate = false;
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (groups.TryGetValue(name.Value, out var nodes))
            {
                nodes.Add(name);
                hasDuplicate = true;
            }
            else
            {
                groups[name.Value] = [name];
                order.Add(name.Value);
            }
        }

        if (!hasDuplicate)
        {
            return null;
        }

        var duplicates = new List<(string, List<NameNode>)>();
        foreach (var name in order)
        {
            if (groups[name] is { Count: > 1 } nodes)
            {
                duplicates.Add((name, nodes));
            }
        }

        return duplicates;
    }
}
