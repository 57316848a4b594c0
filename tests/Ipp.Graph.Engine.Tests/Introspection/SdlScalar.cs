using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// A custom scalar as graphql-js's buildSchema makes one: values pass through unchanged, literals become plain
/// values (strings, numbers, lists, objects). It has no description of its own, so the SDL's is the only one.
/// </summary>
internal sealed class SdlScalar(string name) : ScalarType(name)
{
    private static readonly JsonScalar PlainValues = new();

    public override object Serialize(object value) => value;

    public override object ParseValue(object value) => value;

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        PlainValues.ParseLiteral(literal, variables);
}
