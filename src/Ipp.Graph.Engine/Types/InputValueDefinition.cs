using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types;

/// <summary>What arguments and input object fields share: a name, an input type and an optional default value.</summary>
public abstract class InputValueDefinition
{
    protected InputValueDefinition(string name, GraphQLType type, string? description)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public GraphQLType Type { get; internal set; }

    public string? Description { get; internal set; }

    /// <summary>True when a default value was declared (which may be null).</summary>
    public bool HasDefaultValue { get; internal set; }

    /// <summary>The declared default, coerced to the type's internal value.</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The default as written in SDL, when the schema was built from SDL.</summary>
    public ValueNode? DefaultValueLiteral { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public InputValueDefinitionNode? AstNode { get; internal set; }

    /// <summary>Non-null and without a default: a value must be given.</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;
}

/// <summary>An argument of a field or directive.</summary>
public sealed class ArgumentDefinition : InputValueDefinition
{
    public ArgumentDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }

    public override string ToString() => Name;
}

/// <summary>A field of an input object type.</summary>
public sealed class InputFieldDefinition : InputValueDefinition
{
    public InputFieldDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }

    public InputObjectType DeclaringType { get; internal set; } = null!;

    public override string ToString() => DeclaringType?.Name + "." + Name;
}
