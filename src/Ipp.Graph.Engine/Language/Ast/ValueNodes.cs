namespace Ipp.Graph.Engine.Language.Ast;

/// <summary>An input value literal, or a variable reference.</summary>
public abstract class ValueNode : Node
{
}

/// <summary><c>$name</c>.</summary>
public sealed class VariableNode : ValueNode
{
    public override NodeKind Kind => NodeKind.Variable;

    public required NameNode Name { get; init; }
}

/// <summary>An integer literal, kept as written; scalars decide its range.</summary>
public sealed class IntValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.IntValue;

    public required string Value { get; init; }
}

/// <summary>A float literal, kept as written.</summary>
public sealed class FloatValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.FloatValue;

    public required string Value { get; init; }
}

/// <summary>A string literal with escapes resolved; <see cref="Block"/> when written as <c>"""..."""</c>.</summary>
public sealed class StringValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.StringValue;

    public required string Value { get; init; }

    public bool Block { get; init; }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.BooleanValue;

    public required bool Value { get; init; }
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.NullValue;
}

/// <summary>An enum value: a name other than true, false and null.</summary>
public sealed class EnumValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.EnumValue;

    public required string Value { get; init; }
}

/// <summary><c>[v, ...]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ListValue;

    public required IReadOnlyList<ValueNode> Values { get; init; }
}

/// <summary><c>{name: v, ...}</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ObjectValue;

    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

/// <summary>One <c>name: value</c> of an object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    public override NodeKind Kind => NodeKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
