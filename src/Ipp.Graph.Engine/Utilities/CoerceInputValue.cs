using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Called for each problem found while coercing: the path inside the value, the offending value, the error.</summary>
public delegate void InputCoercionError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

/// <summary>Coerces an external input value (a variable's JSON-shaped value) to an input type (graphql-js's coerceInputValue).</summary>
public static class CoerceInputValue
{
    /// <summary>The coerced value; each problem is reported through <paramref name="onError"/> (or thrown when it is null).</summary>
    public static object? Coerce(object? value, GraphQLType type, InputCoercionError? onError = null) =>
        throw new NotImplementedException();
}
