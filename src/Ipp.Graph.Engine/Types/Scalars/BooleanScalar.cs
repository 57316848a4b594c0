using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The built-in <c>Boolean</c>. Internal value: <see cref="bool"/>. Output accepts booleans and finite numbers
/// (non-zero is true), as graphql-js does; input accepts booleans only.
/// </summary>
internal sealed class BooleanScalar : ScalarType
{
    public BooleanScalar()
        : base("Boolean", "A truth value: `true` or `false`.")
    {
        IsBuiltIn = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case bool:
                return value;
            case JsonElement element when ScalarValues.Unwrap(element) is { } unwrapped and not JsonElement:
                return Serialize(unwrapped);
        }

        var kind = ScalarValues.ReadNumber(value, out var integer, out var real);
        if (kind == NumberKind.Integer)
        {
            return ScalarValues.Box(integer != 0);
        }

        if (kind == NumberKind.Double && double.IsFinite(real))
        {
            return ScalarValues.Box(real != 0);
        }

        throw new GraphQLError("Boolean cannot represent a non boolean value: " + Inspect.Format(value));
    }

    public override object ParseValue(object value) => value switch
    {
        bool => value,
        JsonElement { ValueKind: JsonValueKind.True } => ScalarValues.True,
        JsonElement { ValueKind: JsonValueKind.False } => ScalarValues.False,
        _ => throw new GraphQLError("Boolean cannot represent a non boolean value: " + Inspect.Format(value)),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal is BooleanValueNode flag
        ? ScalarValues.Box(flag.Value)
        : throw new GraphQLError("Boolean cannot represent a non boolean value: " + Printer.Print(literal), [literal]);
}
