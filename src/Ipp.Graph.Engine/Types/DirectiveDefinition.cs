namespace Ipp.Graph.Engine.Types;

/// <summary>Where a directive may be used; the names are those of the spec and introspection's <c>__DirectiveLocation</c>.</summary>
public enum DirectiveLocation
{
    QUERY,
    MUTATION,
    SUBSCRIPTION,
    FIELD,
    FRAGMENT_DEFINITION,
    FRAGMENT_SPREAD,
    INLINE_FRAGMENT,
    VARIABLE_DEFINITION,
    SCHEMA,
    SCALAR,
    OBJECT,
    FIELD_DEFINITION,
    ARGUMENT_DEFINITION,
    INTERFACE,
    UNION,
    ENUM,
    ENUM_VALUE,
    INPUT_OBJECT,
    INPUT_FIELD_DEFINITION,
    DIRECTIVE_DEFINITION,
}

/// <summary><c>directive @name(args) repeatable on LOCATIONS</c>.</summary>
public sealed class DirectiveDefinition
{
    public DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations, string? description = null)
    {
        Name = name;
        Locations = locations;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public IReadOnlyList<ArgumentDefinition> Arguments { get; internal set; } = [];

    public bool IsRepeatable { get; internal set; }

    /// <summary>True for @skip, @include, @deprecated, @specifiedBy and @oneOf.</summary>
    public bool IsBuiltIn { get; internal set; }

    public Language.Ast.DirectiveDefinitionNode? AstNode { get; internal set; }

    public ArgumentDefinition? GetArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    public override string ToString() => "@" + Name;
}
