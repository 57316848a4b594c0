using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// Tracks, while a document is traversed, the schema elements each position refers to: the output type and the
/// composite parent type of a selection, the field definition, the expected input type of a value (and of the value
/// around it), the directive, argument, default value and enum value (graphql-js's TypeInfo). Call
/// <see cref="Enter"/> before a node's children and <see cref="Leave"/> after them. Unknown names give nulls, never
/// errors, since documents are traversed before they are known to be valid.
/// </summary>
public sealed class TypeInfo
{
    private readonly Schema _schema;
    private NodeStack<GraphQLType> _typeStack;
    private NodeStack<NamedType> _parentTypeStack;
    private NodeStack<GraphQLType> _inputTypeStack;
    private NodeStack<FieldDefinition> _fieldDefinitionStack;
    private NodeStack<InputValueDefinition> _defaultValueStack;

    public TypeInfo(Schema schema)
    {
        _schema = schema;
        _typeStack = new NodeStack<GraphQLType>(16);
        _parentTypeStack = new NodeStack<NamedType>(16);
        _inputTypeStack = new NodeStack<GraphQLType>(8);
        _fieldDefinitionStack = new NodeStack<FieldDefinition>(16);
        _defaultValueStack = new NodeStack<InputValueDefinition>(8);
    }

    /// <summary>The output type of the current selection: a root type, a fragment's type condition, a field's type.</summary>
    public GraphQLType? Type => _typeStack.Peek();

    /// <summary>The composite type whose fields the current selection set selects.</summary>
    public NamedType? ParentType => _parentTypeStack.Peek();

    /// <summary>The type the current value (argument, list item, input field, variable definition) is expected to have.</summary>
    public GraphQLType? InputType => _inputTypeStack.Peek();

    /// <summary>The expected type of the value containing the current one (a list for its items, an input object for its fields).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.PeekBelow();

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? FieldDefinition => _fieldDefinitionStack.Peek();

    /// <summary>True when the argument or input field the current value is given for declares a default value (list items never do).</summary>
    public bool HasDefaultValue => _defaultValueStack.Peek() is { HasDefaultValue: true };

    /// <summary>That default value (internal, coerced), when <see cref="HasDefaultValue"/>.</summary>
    public object? DefaultValue => _defaultValueStack.Peek()?.DefaultValue;

    /// <summary>The directive being applied.</summary>
    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>The definition of the current argument of a field or directive.</summary>
    public ArgumentDefinition? Argument { get; private set; }

    /// <summary>The definition of the current enum value literal.</summary>
    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>
    /// The definition of a field selected on a parent type, including the meta-fields: <c>__typename</c> on any
    /// composite type, <c>__schema</c> and <c>__type</c> on the query type.
    /// </summary>
    public static FieldDefinition? GetFieldDefinition(Schema schema, NamedType? parentType, string fieldName)
    {
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            switch (fieldName)
            {
                case "__typename" when parentType is ComplexType or UnionType:
                    return IntrospectionTypes.TypeNameMetaField;
                case "__schema" when parentType is not null && ReferenceEquals(parentType, schema.Query):
                    return IntrospectionTypes.SchemaMetaField;
                case "__type" when parentType is not null && ReferenceEquals(parentType, schema.Query):
                    return IntrospectionTypes.TypeMetaField;
            }
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    /// <summary>Updates the state for entering <paramref name="node"/>, before its children.</summary>
    public void Enter(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
            {
                var namedType = _typeStack.Peek()?.Named;
                _parentTypeStack.Push(namedType is ComplexType or UnionType ? namedType : null);
                break;
            }

            case NodeKind.Field:
            {
                var field = (FieldNode)node;
                var parentType = _parentTypeStack.Peek();
                var definition = parentType is null ? null : GetFieldDefinition(_schema, parentType, field.Name.Value);
                _fieldDefinitionStack.Push(definition);
                _typeStack.Push(definition?.Type is { IsOutputType: true } type ? type : null);
                break;
            }

            case NodeKind.Directive:
                Directive = _schema.GetDirective(((DirectiveNode)node).Name.Value);
                break;

            case NodeKind.OperationDefinition:
                _typeStack.Push(_schema.GetRootType(((OperationDefinitionNode)node).Operation));
                break;

            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
            {
                var typeCondition = node is InlineFragmentNode inline ? inline.TypeCondition : ((FragmentDefinitionNode)node).TypeCondition;
                GraphQLType? outputType = typeCondition is null ? _typeStack.Peek()?.Named : _schema.GetType(typeCondition.Name.Value);
                _typeStack.Push(outputType is { IsOutputType: true } ? outputType : null);
                break;
            }

            case NodeKind.VariableDefinition:
            {
                var inputType = TypeFromAst.Resolve(_schema, ((VariableDefinitionNode)node).Type);
                _inputTypeStack.Push(inputType is { IsInputType: true } ? inputType : null);
                break;
            }

            case NodeKind.Argument:
            {
                var name = ((ArgumentNode)node).Name.Value;
                var definition = Directive is { } directive ? directive.GetArgument(name) : _fieldDefinitionStack.Peek()?.GetArgument(name);
                Argument = definition;
                _defaultValueStack.Push(definition);
                _inputTypeStack.Push(definition?.Type is { IsInputType: true } type ? type : null);
                break;
            }

            case NodeKind.ListValue:
            {
                var listType = _inputTypeStack.Peek()?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Push(null);
                _inputTypeStack.Push(itemType is { IsInputType: true } ? itemType : null);
                break;
            }

            case NodeKind.ObjectField:
            {
                var field = _inputTypeStack.Peek()?.Named is InputObjectType inputObject
                    ? inputObject.GetField(((ObjectFieldNode)node).Name.Value)
                    : null;
                _defaultValueStack.Push(field);
                _inputTypeStack.Push(field?.Type is { IsInputType: true } type ? type : null);
                break;
            }

            case NodeKind.EnumValue:
                EnumValue = _inputTypeStack.Peek()?.Named is EnumType enumType ? enumType.GetValue(((EnumValueNode)node).Value) : null;
                break;
        }
    }

    /// <summary>Restores the state to what it was before entering <paramref name="node"/>.</summary>
    public void Leave(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                _parentTypeStack.Pop();
                break;
            case NodeKind.Field:
                _fieldDefinitionStack.Pop();
                _typeStack.Pop();
                break;
            case NodeKind.Directive:
                Directive = null;
                break;
            case NodeKind.OperationDefinition:
            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
                _typeStack.Pop();
                break;
            case NodeKind.VariableDefinition:
                _inputTypeStack.Pop();
                break;
            case NodeKind.Argument:
                Argument = null;
                _defaultValueStack.Pop();
                _inputTypeStack.Pop();
                break;
            case NodeKind.ListValue:
            case NodeKind.ObjectField:
                _defaultValueStack.Pop();
                _inputTypeStack.Pop();
                break;
            case NodeKind.EnumValue:
                EnumValue = null;
                break;
        }
    }

    /// <summary>A stack of possibly-null entries on an array that grows as needed; popping an empty stack does nothing.</summary>
    private struct NodeStack<T>
        where T : class
    {
        private T?[] _items;
        private int _count;

        public NodeStack(int capacity) => _items = new T?[capacity];

        public readonly T? Peek() => _count > 0 ? _items[_count - 1] : null;

        public readonly T? PeekBelow() => _count > 1 ? _items[_count - 2] : null;

        public void Push(T? item)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = item;
        }

        public void Pop()
        {
            if (_count > 0)
            {
                _items[--_count] = null;
            }
        }
    }
}
