namespace Ipp.Graph.Engine.Language.Ast;

/// <summary>The three kinds of operation.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>An operation or a fragment: the definitions a request executes.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode, IHasDirectives
{
    /// <summary>The description written before the definition (accepted by graphql-js 16.15 ahead of the spec).</summary>
    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary><c>query Name($v: T) @dir { ... }</c>, or the shorthand <c>{ ... }</c> (Name null, Operation Query).</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.OperationDefinition;

    public required OperationType Operation { get; init; }

    public NameNode? Name { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

/// <summary><c>fragment Name on Type @dir { ... }</c>.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    public required NameNode Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }
}

/// <summary><c>$name: Type = default @dir</c> in an operation's header.</summary>
public sealed class VariableDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>The description written before the variable (accepted by graphql-js 16.15 ahead of the spec).</summary>
    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>{ selection ... }</c>.</summary>
public sealed class SelectionSetNode : Node
{
    public override NodeKind Kind => NodeKind.SelectionSet;

    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

/// <summary>A field, a fragment spread or an inline fragment.</summary>
public abstract class SelectionNode : Node, IHasDirectives
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>alias: name(args) @dir { ... }</c>.</summary>
public sealed class FieldNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key this field has in the response: its alias, or else its name.</summary>
    public string ResponseName => (Alias ?? Name).Value;
}

/// <summary><c>...Name @dir</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.FragmentSpread;

    public required NameNode Name { get; init; }
}

/// <summary><c>... on Type @dir { ... }</c>; the type condition is optional.</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }
}
