using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Coerces a value literal to an input type's internal value (graphql-js's valueFromAST).</summary>
public static class ValueFromAst
{
    /// <summary>
    /// False when the literal is not valid for the type (graphql-js returns undefined); a variable that is absent
    /// from <paramref name="variables"/> counts as not given.
    /// </summary>
    public static bool TryConvert(ValueNode? literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value) =>
        throw new NotImplementedException();
}
