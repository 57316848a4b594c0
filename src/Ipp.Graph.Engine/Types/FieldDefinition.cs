using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types;

/// <summary>A field of an object or interface type, with the resolver that produces its value.</summary>
public sealed class FieldDefinition
{
    public FieldDefinition(string name, GraphQLType type, string? description = null)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public GraphQLType Type { get; internal set; }

    public string? Description { get; internal set; }

    public IReadOnlyList<ArgumentDefinition> Arguments { get; internal set; } = [];

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    private FieldResolver? _resolver;

    /// <summary>Produces the field's value from its parent; set when the schema is built.</summary>
    public FieldResolver? Resolver
    {
        get => _resolver;
        internal set
        {
            _resolver = value;
            PropertyGetter = null;
        }
    }

    /// <summary>
    /// When <see cref="Resolver"/> reads a property of a bound .NET type: the same read, which the engine calls
    /// without building a resolve context or a value task. What the read throws, it returns (a resolver's value that
    /// is an exception is the field's error, as a thrown one is). Null for every other resolver.
    /// </summary>
    internal Func<object?, object?>? PropertyGetter { get; private set; }

    /// <summary>For a field of the subscription type: produces the stream of events.</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    public FieldDefinitionNode? AstNode { get; internal set; }

    /// <summary>The object or interface type declaring the field.</summary>
    public ComplexType DeclaringType { get; internal set; } = null!;

    /// <summary>Binds a property of a .NET type: its resolver, and the plain read it makes.</summary>
    internal void BindProperty(FieldResolver resolver, Func<object?, object?> getter)
    {
        Resolver = resolver;
        PropertyGetter = getter;
    }

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

    public override string ToString() => DeclaringType?.Name + "." + Name;
}
