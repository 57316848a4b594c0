using System.Text;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>
/// Writes a syntax tree as graphql-js's printer does. Text goes straight into one buffer; every line break written
/// inside an indented block gets the block's indentation. Where graphql-js chooses a layout by the printed size of
/// items (argument lists), the items are printed on one line first and printed again on separate lines when needed.
/// </summary>
internal sealed class DocumentPrinter
{
    private const int MaxLineLength = 80;

    private readonly StringBuilder _output = new();
    private int _depth;

    // Spaces written for indentation (graphql-js leaves them out when it measures lengths) and line breaks written.
    private int _indentation;
    private int _lineBreaks;

    public static string Print(Node node)
    {
        var printer = new DocumentPrinter();
        printer.PrintNode(node);
        return printer._output.ToString();
    }

    private void PrintNode(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Name:
                Write(((NameNode)node).Value);
                break;
            case NodeKind.Document:
                PrintDocument((DocumentNode)node);
                break;
            case NodeKind.OperationDefinition:
                PrintOperationDefinition((OperationDefinitionNode)node);
                break;
            case NodeKind.VariableDefinition:
                PrintVariableDefinition((VariableDefinitionNode)node);
                break;
            case NodeKind.SelectionSet:
                PrintBlock(((SelectionSetNode)node).Selections);
                break;
            case NodeKind.Field:
                PrintField((FieldNode)node);
                break;
            case NodeKind.Argument:
                var argument = (ArgumentNode)node;
                PrintNameAndValue(argument.Name, argument.Value);
                break;
            case NodeKind.FragmentSpread:
                var spread = (FragmentSpreadNode)node;
                Write("...");
                Write(spread.Name.Value);
                PrintDirectives(spread.Directives);
                break;
            case NodeKind.InlineFragment:
                PrintInlineFragment((InlineFragmentNode)node);
                break;
            case NodeKind.FragmentDefinition:
                PrintFragmentDefinition((FragmentDefinitionNode)node);
                break;
            case NodeKind.Variable:
                Write('$');
                Write(((VariableNode)node).Name.Value);
                break;
            case NodeKind.IntValue:
                Write(((IntValueNode)node).Value);
                break;
            case NodeKind.FloatValue:
                Write(((FloatValueNode)node).Value);
                break;
            case NodeKind.StringValue:
                PrintStringValue((StringValueNode)node);
                break;
            case NodeKind.BooleanValue:
                Write(((BooleanValueNode)node).Value ? "true" : "false");
                break;
            case NodeKind.NullValue:
                Write("null");
                break;
            case NodeKind.EnumValue:
                Write(((EnumValueNode)node).Value);
                break;
            case NodeKind.ListValue:
                Write('[');
                PrintList(((ListValueNode)node).Values, ", ");
                Write(']');
                break;
            case NodeKind.ObjectValue:
                Write('{');
                PrintList(((ObjectValueNode)node).Fields, ", ");
                Write('}');
                break;
            case NodeKind.ObjectField:
                var field = (ObjectFieldNode)node;
                PrintNameAndValue(field.Name, field.Value);
                break;
            case NodeKind.Directive:
                var directive = (DirectiveNode)node;
                Write('@');
                Write(directive.Name.Value);
                PrintParenthesized(directive.Arguments);
                break;
            case NodeKind.NamedType:
                Write(((NamedTypeNode)node).Name.Value);
                break;
            case NodeKind.ListType:
                Write('[');
                PrintNode(((ListTypeNode)node).Type);
                Write(']');
                break;
            case NodeKind.NonNullType:
                PrintNode(((NonNullTypeNode)node).Type);
                Write('!');
                break;
            case NodeKind.OperationTypeDefinition:
                var operationType = (OperationTypeDefinitionNode)node;
                Write(Keyword(operationType.Operation));
                Write(": ");
                Write(operationType.Type.Name.Value);
                break;
            default:
                PrintTypeSystemNode(node);
                break;
        }
    }

    private void PrintDocument(DocumentNode document)
    {
        PrintList(document.Definitions, "\n\n");
    }

    private void PrintOperationDefinition(OperationDefinitionNode operation)
    {
        // An anonymous query without description, variables or directives is printed in the shorthand form.
        var isShorthand = operation.Operation == OperationType.Query && operation.Description is null && operation.Name is null
            && operation.VariableDefinitions.Count == 0 && operation.Directives.Count == 0;
        if (!isShorthand)
        {
            PrintDescription(operation.Description);
            Write(Keyword(operation.Operation));
            if (operation.Name is not null || operation.VariableDefinitions.Count > 0)
            {
                Write(' ');
                if (operation.Name is not null)
                {
                    Write(operation.Name.Value);
                }

                PrintVariableDefinitions(operation.VariableDefinitions);
            }

            PrintDirectives(operation.Directives);
            Write(' ');
        }

        PrintNode(operation.SelectionSet);
    }

    /// <summary>On one line, or (unindented) one per line when any of them spans lines, as graphql-js does.</summary>
    private void PrintVariableDefinitions(IReadOnlyList<VariableDefinitionNode> definitions)
    {
        if (definitions.Count == 0)
        {
            return;
        }

        var mark = Save();
        PrintParenthesized(definitions);
        if (_lineBreaks == mark.LineBreaks)
        {
            return;
        }

        Restore(mark);
        Write('(');
        foreach (var definition in definitions)
        {
            NewLine();
            PrintNode(definition);
        }

        NewLine();
        Write(')');
    }

    private void PrintVariableDefinition(VariableDefinitionNode definition)
    {
        PrintDescription(definition.Description);
        PrintNode(definition.Variable);
        Write(": ");
        PrintNode(definition.Type);
        PrintDefaultValue(definition.DefaultValue);
        PrintDirectives(definition.Directives);
    }

    private void PrintField(FieldNode field)
    {
        var start = Save();
        if (field.Alias is not null)
        {
            Write(field.Alias.Value);
            Write(": ");
        }

        Write(field.Name.Value);
        if (field.Arguments.Count > 0)
        {
            var prefixLength = LengthSince(start);
            var arguments = Save();
            PrintParenthesized(field.Arguments);
            if (prefixLength + LengthSince(arguments) > MaxLineLength)
            {
                Restore(arguments);
                PrintIndentedLines(field.Arguments, '(', ')');
            }
        }

        PrintDirectives(field.Directives);
        if (field.SelectionSet is { Selections.Count: > 0 })
        {
            Write(' ');
            PrintNode(field.SelectionSet);
        }
    }

    private void PrintInlineFragment(InlineFragmentNode fragment)
    {
        Write("...");
        if (fragment.TypeCondition is not null)
        {
            Write(" on ");
            Write(fragment.TypeCondition.Name.Value);
        }

        PrintDirectives(fragment.Directives);
        PrintBlockAfterSpace(fragment.SelectionSet.Selections);
    }

    private void PrintFragmentDefinition(FragmentDefinitionNode fragment)
    {
        PrintDescription(fragment.Description);
        Write("fragment ");
        Write(fragment.Name.Value);
        Write(" on ");
        Write(fragment.TypeCondition.Name.Value);
        PrintDirectives(fragment.Directives);
        Write(' ');
        PrintNode(fragment.SelectionSet);
    }

    private void PrintStringValue(StringValueNode value)
    {
        if (value.Block)
        {
            Write(BlockString.Print(value.Value));
        }
        else
        {
            StringLiteral.Append(_output, value.Value);
        }
    }

    private void PrintNameAndValue(NameNode name, ValueNode value)
    {
        Write(name.Value);
        Write(": ");
        PrintNode(value);
    }

    private void PrintTypeSystemNode(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SchemaDefinition:
                var schema = (SchemaDefinitionNode)node;
                PrintDescription(schema.Description);
                Write("schema");
                PrintDirectives(schema.Directives);
                PrintBlockAfterSpace(schema.OperationTypes);
                break;
            case NodeKind.ScalarTypeDefinition:
                var scalar = (ScalarTypeDefinitionNode)node;
                PrintTypeHeader(scalar.Description, "scalar ", scalar.Name, scalar.Directives);
                break;
            case NodeKind.ObjectTypeDefinition:
                var objectType = (ObjectTypeDefinitionNode)node;
                PrintDescription(objectType.Description);
                PrintComplexType("type ", objectType.Name, objectType.Interfaces, objectType.Directives, objectType.Fields);
                break;
            case NodeKind.FieldDefinition:
                PrintFieldDefinition((FieldDefinitionNode)node);
                break;
            case NodeKind.InputValueDefinition:
                var inputValue = (InputValueDefinitionNode)node;
                PrintDescription(inputValue.Description);
                Write(inputValue.Name.Value);
                Write(": ");
                PrintNode(inputValue.Type);
                PrintDefaultValue(inputValue.DefaultValue);
                PrintDirectives(inputValue.Directives);
                break;
            case NodeKind.InterfaceTypeDefinition:
                var interfaceType = (InterfaceTypeDefinitionNode)node;
                PrintDescription(interfaceType.Description);
                PrintComplexType("interface ", interfaceType.Name, interfaceType.Interfaces, interfaceType.Directives, interfaceType.Fields);
                break;
            case NodeKind.UnionTypeDefinition:
                var union = (UnionTypeDefinitionNode)node;
                PrintTypeHeader(union.Description, "union ", union.Name, union.Directives);
                PrintUnionMembers(union.Types);
                break;
            case NodeKind.EnumTypeDefinition:
                var enumType = (EnumTypeDefinitionNode)node;
                PrintTypeHeader(enumType.Description, "enum ", enumType.Name, enumType.Directives);
                PrintBlockAfterSpace(enumType.Values);
                break;
            case NodeKind.EnumValueDefinition:
                var enumValue = (EnumValueDefinitionNode)node;
                PrintTypeHeader(enumValue.Description, string.Empty, enumValue.Name, enumValue.Directives);
                break;
            case NodeKind.InputObjectTypeDefinition:
                var input = (InputObjectTypeDefinitionNode)node;
                PrintTypeHeader(input.Description, "input ", input.Name, input.Directives);
                PrintBlockAfterSpace(input.Fields);
                break;
            case NodeKind.DirectiveDefinition:
                PrintDirectiveDefinition((DirectiveDefinitionNode)node);
                break;
            case NodeKind.SchemaExtension:
                var schemaExtension = (SchemaExtensionNode)node;
                Write("extend schema");
                PrintDirectives(schemaExtension.Directives);
                PrintBlockAfterSpace(schemaExtension.OperationTypes);
                break;
            case NodeKind.ScalarTypeExtension:
                var scalarExtension = (ScalarTypeExtensionNode)node;
                PrintTypeHeader(null, "extend scalar ", scalarExtension.Name, scalarExtension.Directives);
                break;
            case NodeKind.ObjectTypeExtension:
                var objectExtension = (ObjectTypeExtensionNode)node;
                PrintComplexType(
                    "extend type ", objectExtension.Name, objectExtension.Interfaces, objectExtension.Directives, objectExtension.Fields);
                break;
            case NodeKind.InterfaceTypeExtension:
                var interfaceExtension = (InterfaceTypeExtensionNode)node;
                PrintComplexType(
                    "extend interface ",
                    interfaceExtension.Name,
                    interfaceExtension.Interfaces,
                    interfaceExtension.Directives,
                    interfaceExtension.Fields);
                break;
            case NodeKind.UnionTypeExtension:
                var unionExtension = (UnionTypeExtensionNode)node;
                PrintTypeHeader(null, "extend union ", unionExtension.Name, unionExtension.Directives);
                PrintUnionMembers(unionExtension.Types);
                break;
            case NodeKind.EnumTypeExtension:
                var enumExtension = (EnumTypeExtensionNode)node;
                PrintTypeHeader(null, "extend enum ", enumExtension.Name, enumExtension.Directives);
                PrintBlockAfterSpace(enumExtension.Values);
                break;
            case NodeKind.InputObjectTypeExtension:
                var inputExtension = (InputObjectTypeExtensionNode)node;
                PrintTypeHeader(null, "extend input ", inputExtension.Name, inputExtension.Directives);
                PrintBlockAfterSpace(inputExtension.Fields);
                break;
            default:
                throw new ArgumentException("Cannot print a node of kind " + node.Kind + ".", nameof(node));
        }
    }

    /// <summary>Description (on its own line), keyword, name and directives: the start of most type-system definitions.</summary>
    private void PrintTypeHeader(StringValueNode? description, string keyword, NameNode name, IReadOnlyList<DirectiveNode> directives)
    {
        PrintDescription(description);
        Write(keyword);
        Write(name.Value);
        PrintDirectives(directives);
    }

    private void PrintComplexType(
        string keyword,
        NameNode name,
        IReadOnlyList<NamedTypeNode> interfaces,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyList<FieldDefinitionNode> fields)
    {
        Write(keyword);
        Write(name.Value);
        if (interfaces.Count > 0)
        {
            Write(" implements ");
            PrintList(interfaces, " & ");
        }

        PrintDirectives(directives);
        PrintBlockAfterSpace(fields);
    }

    private void PrintUnionMembers(IReadOnlyList<NamedTypeNode> types)
    {
        if (types.Count > 0)
        {
            Write(" = ");
            PrintList(types, " | ");
        }
    }

    private void PrintFieldDefinition(FieldDefinitionNode field)
    {
        PrintDescription(field.Description);
        Write(field.Name.Value);
        PrintArgumentDefinitions(field.Arguments);
        Write(": ");
        PrintNode(field.Type);
        PrintDirectives(field.Directives);
    }

    private void PrintDirectiveDefinition(DirectiveDefinitionNode directive)
    {
        PrintDescription(directive.Description);
        Write("directive @");
        Write(directive.Name.Value);
        PrintArgumentDefinitions(directive.Arguments);
        PrintDirectives(directive.Directives);
        if (directive.Repeatable)
        {
            Write(" repeatable");
        }

        Write(" on ");
        PrintList(directive.Locations, " | ");
    }

    /// <summary>On one line, or indented one per line when any of them spans lines (has a description, say).</summary>
    private void PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        var mark = Save();
        PrintParenthesized(arguments);
        if (_lineBreaks != mark.LineBreaks)
        {
            Restore(mark);
            PrintIndentedLines(arguments, '(', ')');
        }
    }

    private void PrintDescription(StringValueNode? description)
    {
        if (description is not null)
        {
            PrintStringValue(description);
            NewLine();
        }
    }

    private void PrintDefaultValue(ValueNode? value)
    {
        if (value is not null)
        {
            Write(" = ");
            PrintNode(value);
        }
    }

    /// <summary>Each directive preceded by a space.</summary>
    private void PrintDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            Write(' ');
            PrintNode(directive);
        }
    }

    /// <summary><c>(a, b)</c>; nothing when there are no items.</summary>
    private void PrintParenthesized<T>(IReadOnlyList<T> items)
        where T : Node
    {
        if (items.Count > 0)
        {
            Write('(');
            PrintList(items, ", ");
            Write(')');
        }
    }

    private void PrintList<T>(IReadOnlyList<T> items, string separator)
        where T : Node
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Write(separator);
            }

            PrintNode(items[i]);
        }
    }

    private void PrintBlockAfterSpace<T>(IReadOnlyList<T> items)
        where T : Node
    {
        if (items.Count > 0)
        {
            Write(' ');
            PrintBlock(items);
        }
    }

    /// <summary><c>{</c>, the items indented one per line, <c>}</c>; nothing when there are no items.</summary>
    private void PrintBlock<T>(IReadOnlyList<T> items)
        where T : Node
    {
        if (items.Count > 0)
        {
            PrintIndentedLines(items, '{', '}');
        }
    }

    private void PrintIndentedLines<T>(IReadOnlyList<T> items, char open, char close)
        where T : Node
    {
        Write(open);
        _depth++;
        foreach (var item in items)
        {
            NewLine();
            PrintNode(item);
        }

        _depth--;
        NewLine();
        Write(close);
    }

    private static string Keyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private void Write(char character) => _output.Append(character);

    /// <summary>Writes text; its line breaks (from block strings) are followed by the current indentation.</summary>
    private void Write(string text)
    {
        var lineBreak = text.IndexOf('\n');
        if (lineBreak < 0)
        {
            _output.Append(text);
            return;
        }

        var start = 0;
        while (lineBreak >= 0)
        {
            _output.Append(text, start, lineBreak - start);
            NewLine();
            start = lineBreak + 1;
            lineBreak = text.IndexOf('\n', start);
        }

        _output.Append(text, start, text.Length - start);
    }

    private void NewLine()
    {
        _output.Append('\n').Append(' ', 2 * _depth);
        _indentation += 2 * _depth;
        _lineBreaks++;
    }

    private Mark Save() => new(_output.Length, _indentation, _lineBreaks);

    private void Restore(Mark mark)
    {
        _output.Length = mark.Length;
        _indentation = mark.Indentation;
        _lineBreaks = mark.LineBreaks;
    }

    /// <summary>Characters written since the mark, not counting indentation, as graphql-js measures printed items.</summary>
    private int LengthSince(Mark mark) => _output.Length - mark.Length - (_indentation - mark.Indentation);

    private readonly record struct Mark(int Length, int Indentation, int LineBreaks);
}
