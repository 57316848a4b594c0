using System.Text;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>
/// Canonical texts of argument values (equal exactly when graphql-js's stringifyValue makes them equal: object
/// fields in name order, variables by name, block strings apart from quoted ones) and numbers for the structure of
/// selection sets (equal when the sets select the same fields with the same aliases and arguments, through the
/// same inline fragments), each computed once per node.
/// </summary>
internal sealed class StructureKeys
{
    /// <summary>The structure number of a selection set that spreads a fragment somewhere below: its comparisons depend on more than its text.</summary>
    public const int WithFragments = -1;

    private readonly Dictionary<ValueNode, string> _values = [];
    private readonly Dictionary<FieldNode, string> _arguments = [];
    private readonly Dictionary<SelectionSetNode, int> _selectionSets = [];
    private readonly Dictionary<string, int> _structures = new(StringComparer.Ordinal);

    /// <summary>The canonical text of a value.</summary>
    public string ValueKey(ValueNode value)
    {
        if (!_values.TryGetValue(value, out var key))
        {
            var builder = new StringBuilder();
            AppendValue(builder, value, 0);
            key = builder.ToString();
            _values[value] = key;
        }

        return key;
    }

    /// <summary>The canonical text of a field's arguments, in the order written.</summary>
    public string ArgumentsKey(FieldNode field)
    {
        if (field.Arguments.Count == 0)
        {
            return "";
        }

        if (!_arguments.TryGetValue(field, out var key))
        {
            var builder = new StringBuilder();
            foreach (var argument in field.Arguments)
            {
                AppendName(builder, argument.Name.Value);
                builder.Append(ValueKey(argument.Value));
            }

            key = builder.ToString();
            _arguments[field] = key;
        }

        return key;
    }

    /// <summary>The structure number of a selection set, or <see cref="WithFragments"/>.</summary>
    public int SelectionSetKey(SelectionSetNode selectionSet) => SelectionSetKey(selectionSet, 0);

    private int SelectionSetKey(SelectionSetNode selectionSet, int depth)
    {
        if (_selectionSets.TryGetValue(selectionSet, out var id))
        {
            return id;
        }

        AstValidationContext.EnsureSufficientStack(depth);
        id = ComputeSelectionSetKey(selectionSet, depth);
        _selectionSets[selectionSet] = id;
        return id;
    }

    private int ComputeSelectionSetKey(SelectionSetNode selectionSet, int depth)
    {
        var builder = new StringBuilder();
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    builder.Append('F');
                    if (field.Alias is { } alias)
                    {
                        AppendName(builder, alias.Value);
                    }
                    else
                    {
                        builder.Append('-');
                    }

                    AppendName(builder, field.Name.Value);
                    var arguments = ArgumentsKey(field);
                    builder.Append(arguments.Length).Append(':').Append(arguments);
                    if (field.SelectionSet is { } subSelection)
                    {
                        var sub = SelectionSetKey(subSelection, depth + 1);
                        if (sub == WithFragments)
                        {
                            return WithFragments;
                        }

                        builder.Append('{').Append(sub).Append('}');
                    }
                    else
                    {
                        builder.Append('.');
                    }

                    break;
                case InlineFragmentNode inline:
                    var inner = SelectionSetKey(inline.SelectionSet, depth + 1);
                    if (inner == WithFragments)
                    {
                        return WithFragments;
                    }

                    builder.Append('I');
                    AppendName(builder, inline.TypeCondition?.Name.Value ?? "");
                    builder.Append('{').Append(inner).Append('}');
                    break;
                default:
                    return WithFragments;
            }
        }

        var text = builder.ToString();
        if (!_structures.TryGetValue(text, out var id))
        {
            id = _structures.Count;
            _structures[text] = id;
        }

        return id;
    }

    private static void AppendValue(StringBuilder builder, ValueNode value, int depth)
    {
        AstValidationContext.EnsureSufficientStack(depth);
        switch (value)
        {
            case VariableNode variable:
                builder.Append('$');
                AppendName(builder, variable.Name.Value);
                break;
            case IntValueNode integer:
                builder.Append('i');
                AppendName(builder, integer.Value);
                break;
            case FloatValueNode number:
                builder.Append('f');
                AppendName(builder, number.Value);
                break;
            case StringValueNode text:
                builder.Append(text.Block ? 'S' : 's');
                AppendName(builder, text.Value);
                break;
            case BooleanValueNode boolean:
                builder.Append(boolean.Value ? 'T' : 'F');
                break;
            case NullValueNode:
                builder.Append('n');
                break;
            case EnumValueNode enumValue:
                builder.Append('e');
                AppendName(builder, enumValue.Value);
                break;
            case ListValueNode list:
                builder.Append('[');
                foreach (var item in list.Values)
                {
                    AppendValue(builder, item, depth + 1);
                }

                builder.Append(']');
                break;
            case ObjectValueNode objectValue:
                builder.Append('{');
                foreach (var field in objectValue.Fields.OrderBy(field => field.Name.Value, StringComparer.Ordinal))
                {
                    AppendName(builder, field.Name.Value);
                    AppendValue(builder, field.Value, depth + 1);
                }

                builder.Append('}');
                break;
        }
    }

    // Length-prefixed, so that any text is delimited without escaping.
    private static void AppendName(StringBuilder builder, string text) => builder.Append(text.Length).Append(':').Append(text);
}
