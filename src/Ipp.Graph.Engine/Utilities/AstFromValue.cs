using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Turns an internal input value back into a literal of its type (graphql-js's astFromValue).</summary>
public static class AstFromValue
{
    /// <summary>The literal; null when the value cannot be represented in the type.</summary>
    public static ValueNode? Convert(object? value, GraphQLType type) => throw new NotImplementedException();
}
