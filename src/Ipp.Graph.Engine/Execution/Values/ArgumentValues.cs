using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Execution.Values;

/// <summary>Coerces the arguments written on a field or directive (graphql-js's getArgumentValues).</summary>
internal static class ArgumentValues
{
    /// <summary>
    /// The coerced arguments: given ones, and defaults of those not given; absent when neither. Throws a
    /// <see cref="GraphQLError"/> (code BAD_USER_INPUT) with graphql-js's message when a value is missing or invalid.
    /// </summary>
    public static Dictionary<string, object?> Coerce(
        IReadOnlyList<ArgumentDefinition> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        Node owner,
        IReadOnlyDictionary<string, object?>? variables)
    {
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            var node = FindLast(nodes, name);
            if (node is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.DefaultValue;
                }
                else if (type is NonNullType)
                {
                    throw new GraphQLError(
                        $"Argument \"{name}\" of required type \"{type}\" was not provided.", [owner], ErrorCodes.BadUserInput);
                }

                continue;
            }

            var valueNode = node.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (variables is null || !variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.DefaultValue;
                    }
                    else if (type is NonNullType)
                    {
                        throw new GraphQLError(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            [valueNode],
                            ErrorCodes.BadUserInput);
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && type is NonNullType)
            {
                throw new GraphQLError(
                    $"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode], ErrorCodes.BadUserInput);
            }

            if (!ValueFromAst.TryConvert(valueNode, type, variables, out var value))
            {
                throw new GraphQLError(
                    $"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode], ErrorCodes.BadUserInput);
            }

            coerced[name] = value;
        }

        return coerced;
    }

    /// <summary>True when any argument value refers to a variable, at any depth.</summary>
    public static bool ContainVariables(IReadOnlyList<ArgumentNode> arguments)
    {
        var pending = new Stack<ValueNode>();
        foreach (var argument in arguments)
        {
            pending.Push(argument.Value);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case VariableNode:
                    return true;
                case ListValueNode list:
                    foreach (var item in list.Values)
                    {
                        pending.Push(item);
                    }

                    break;
                case ObjectValueNode obj:
                    foreach (var field in obj.Fields)
                    {
                        pending.Push(field.Value);
                    }

                    break;
            }
        }

        return false;
    }

    private static ArgumentNode? FindLast(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            if (nodes[i].Name.Value == name)
            {
                return nodes[i];
            }
        }

        return null;
    }
}
