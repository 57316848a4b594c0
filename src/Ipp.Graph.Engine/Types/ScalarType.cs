using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types;

/// <summary>
/// A leaf type with its own coercion rules. Values cross it in three ways: <see cref="Serialize"/> turns what a
/// resolver returned into a JSON-writable value; <see cref="ParseValue"/> coerces a variable's value;
/// <see cref="ParseLiteral"/> coerces a value written in the document. Each throws a <see cref="Error.GraphQLError"/>
/// with a message saying what it cannot represent. Null never reaches them: the engine handles null itself.
/// </summary>
/// <remarks>
/// JSON-shaped values, as <see cref="ParseValue"/> receives them and <see cref="Serialize"/> returns them: string,
/// bool, int, long, double, decimal, <c>IReadOnlyDictionary&lt;string, object?&gt;</c>, <c>IReadOnlyList&lt;object?&gt;</c>
/// and <see cref="System.Text.Json.JsonElement"/>.
/// </remarks>
public abstract class ScalarType : NamedType
{
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the specification this scalar follows (<c>@specifiedBy</c>).</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Output coercion of a non-null resolver value.</summary>
    public abstract object Serialize(object value);

    /// <summary>Input coercion of a non-null variable value.</summary>
    public abstract object ParseValue(object value);

    /// <summary>Input coercion of a literal other than <c>null</c> and other than a variable at the top.</summary>
    /// <param name="literal">The literal as parsed.</param>
    /// <param name="variables">Coerced variables, for scalars whose literals may contain variables (like JSON).</param>
    public abstract object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables);
}
