using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>
/// What the introspection resolvers return without allocating: boxed enum values created once, and lists without
/// their deprecated entries, built once per list and cached (thread-safely) beside it. Booleans come boxed from
/// <see cref="ScalarValues.Box(bool)"/>.
/// </summary>
internal static class IntrospectionValues
{
    private static readonly object[] TypeKinds = BoxAll<TypeKind>();

    private static readonly object[] DirectiveLocations = BoxAll<DirectiveLocation>();

    // Keyed by the list instance: a type's lists are replaced, never mutated, so a cached copy never goes stale.
    private static readonly ConditionalWeakTable<object, object> ActiveLists = new();

    public static object Box(TypeKind kind) => TypeKinds[(int)kind];

    public static object Box(DirectiveLocation location) => DirectiveLocations[(int)location];

    /// <summary>The <c>includeDeprecated</c> argument; null (given explicitly) counts as false, as in graphql-js.</summary>
    public static bool IncludeDeprecated(in ResolveContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    /// <summary>
    /// <paramref name="items"/> itself when nothing in it is deprecated or <paramref name="includeDeprecated"/> is
    /// set; otherwise a cached copy without the deprecated items.
    /// </summary>
    public static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> items, bool includeDeprecated, Func<T, bool> isDeprecated)
        where T : class
    {
        if (includeDeprecated)
        {
            return items;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (isDeprecated(items[i]))
            {
                return (T[])ActiveLists.GetOrAdd(items, static (list, isDeprecated) => WithoutDeprecated((IReadOnlyList<T>)list, isDeprecated), isDeprecated);
            }
        }

        return items;
    }

    private static T[] WithoutDeprecated<T>(IReadOnlyList<T> items, Func<T, bool> isDeprecated)
    {
        var active = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (!isDeprecated(item))
            {
                active.Add(item);
            }
        }

        return active.ToArray();
    }

    private static object[] BoxAll<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var boxes = new object[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            boxes[i] = values[i];
        }

        return boxes;
    }
}
