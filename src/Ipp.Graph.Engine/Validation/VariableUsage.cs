using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation;

/// <summary>A place where a variable is used, with what that place expects.</summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The input type expected there; null when the position is unknown.</param>
/// <param name="HasDefaultValue">True when the argument or input field declares a default, so the variable may be absent.</param>
/// <param name="ParentType">The expected type of the value around the variable (an input object for its fields).</param>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasDefaultValue, GraphQLType? ParentType);
