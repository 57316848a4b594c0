using Ipp.Graph.Engine.Language;

namespace Ipp.Graph.Engine.Validation;

/// <summary>A type reference as the printer writes it (<c>[Name!]</c>), for error messages.</summary>
internal static class TypeNodeText
{
    public static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => "",
    };
}
