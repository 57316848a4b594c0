using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// Drives all rules of a validation run through one depth-first traversal of a document, children in graphql-js's
/// order (descriptions left out), keeping <see cref="TypeInfo"/> in step: on entering a node, TypeInfo first, then
/// the rules in order; on leaving, the rules, then TypeInfo. Each rule is called only for the kinds it declares.
/// </summary>
internal sealed class DocumentWalker
{
    private static readonly int KindCount = Enum.GetValues<NodeKind>().Length;

    private readonly TypeInfo? _typeInfo;
    private readonly ValidationRule[][] _enterByKind;
    private readonly ValidationRule[][] _leaveByKind;
    private readonly ValidationContext? _usageContext;
    private readonly bool _visitNames;
    private Node[] _ancestors = new Node[32];
    private int _depth;
    private List<VariableUsage>? _usages;
    private int _variableDefinitionDepth;

    /// <param name="context">Where errors go and fragments are looked up.</param>
    /// <param name="rules">The rules, in the order they are called for each node.</param>
    /// <param name="typeInfo">Kept in step with the traversal; null for type-system documents.</param>
    /// <param name="collectVariableUsages">Record the variable usages of each operation and fragment into the context.</param>
    public DocumentWalker(AstValidationContext context, IReadOnlyList<ValidationRule> rules, TypeInfo? typeInfo, bool collectVariableUsages)
    {
        _typeInfo = typeInfo;
        _usageContext = collectVariableUsages ? context as ValidationContext : null;
        _enterByKind = new ValidationRule[KindCount][];
        _leaveByKind = new ValidationRule[KindCount][];
        var enter = new List<ValidationRule>();
        var leave = new List<ValidationRule>();
        for (var kind = 0; kind < KindCount; kind++)
        {
            enter.Clear();
            leave.Clear();
            foreach (var rule in rules)
            {
                // A rule that may skip a node must be seen on leaving it, to stop skipping there.
                if (rule.EnterKinds.Contains((NodeKind)kind))
                {
                    enter.Add(rule);
                    leave.Add(rule);
                }
                else if (rule.LeaveKinds.Contains((NodeKind)kind))
                {
                    leave.Add(rule);
                }
            }

            _enterByKind[kind] = enter.Count == 0 ? [] : enter.ToArray();
            _leaveByKind[kind] = leave.Count == 0 ? [] : leave.ToArray();
        }

        _visitNames = _leaveByKind[(int)NodeKind.Name].Length > 0;
    }

    /// <summary>Traverses <paramref name="root"/> and everything below it.</summary>
    public void Walk(Node root) => Visit(root);

    /// <summary>The node <paramref name="level"/> levels above the visited one (0: its parent).</summary>
    public Node? GetAncestor(int level) => level < _depth ? _ancestors[_depth - 1 - level] : null;

    /// <summary>The top-level definition containing the visited node, when the traversal started at a document.</summary>
    public Node? GetDefinition() => _depth >= 2 && _ancestors[0] is DocumentNode ? _ancestors[1] : null;

    private void Visit(Node node)
    {
        AstValidationContext.EnsureSufficientStack(_depth);
        Enter(node);
        Push(node);
        switch (node)
        {
            case DocumentNode document:
                VisitAll(document.Definitions);
                break;
            case OperationDefinitionNode operation:
                VisitName(operation.Name);
                VisitAll(operation.VariableDefinitions);
                VisitAll(operation.Directives);
                Visit(operation.SelectionSet);
                break;
            case VariableDefinitionNode variableDefinition:
                Visit(variableDefinition.Variable);
                Visit(variableDefinition.Type);
                VisitOptional(variableDefinition.DefaultValue);
                VisitAll(variableDefinition.Directives);
                break;
            case VariableNode variable:
                VisitName(variable.Name);
                break;
            case SelectionSetNode selectionSet:
                VisitAll(selectionSet.Selections);
                break;
            case FieldNode field:
                VisitName(field.Alias);
                VisitName(field.Name);
                VisitAll(field.Arguments);
                VisitAll(field.Directives);
                VisitOptional(field.SelectionSet);
                break;
            case ArgumentNode argument:
                VisitName(argument.Name);
                Visit(argument.Value);
                break;
            case FragmentSpreadNode spread:
                VisitName(spread.Name);
                VisitAll(spread.Directives);
                break;
            case InlineFragmentNode inline:
                VisitOptional(inline.TypeCondition);
                VisitAll(inline.Directives);
                Visit(inline.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                VisitName(fragment.Name);
                Visit(fragment.TypeCondition);
                VisitAll(fragment.Directives);
                Visit(fragment.SelectionSet);
                break;
            case ListValueNode list:
                VisitAll(list.Values);
                break;
            case ObjectValueNode objectValue:
                VisitAll(objectValue.Fields);
                break;
            case ObjectFieldNode objectField:
                VisitName(objectField.Name);
                Visit(objectField.Value);
                break;
            case DirectiveNode directive:
                VisitName(directive.Name);
                VisitAll(directive.Arguments);
                break;
            case NamedTypeNode namedType:
                VisitName(namedType.Name);
                break;
            case ListTypeNode listType:
                Visit(listType.Type);
                break;
            case NonNullTypeNode nonNullType:
                Visit(nonNullType.Type);
                break;
            case TypeSystemDefinitionNode:
                VisitTypeSystemChildren(node);
                break;
            case OperationTypeDefinitionNode operationType:
                Visit(operationType.Type);
                break;
            case FieldDefinitionNode fieldDefinition:
                VisitName(fieldDefinition.Name);
                VisitAll(fieldDefinition.Arguments);
                Visit(fieldDefinition.Type);
                VisitAll(fieldDefinition.Directives);
                break;
            case InputValueDefinitionNode inputValue:
                VisitName(inputValue.Name);
                Visit(inputValue.Type);
                VisitOptional(inputValue.DefaultValue);
                VisitAll(inputValue.Directives);
                break;
            case EnumValueDefinitionNode enumValue:
                VisitName(enumValue.Name);
                VisitAll(enumValue.Directives);
                break;
        }

        Pop();
        Leave(node);
    }

    private void VisitTypeSystemChildren(Node node)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                VisitAll(schema.Directives);
                VisitAll(schema.OperationTypes);
                break;
            case SchemaExtensionNode schemaExtension:
                VisitAll(schemaExtension.Directives);
                VisitAll(schemaExtension.OperationTypes);
                break;
            case ScalarTypeDefinitionNode scalar:
                VisitName(scalar.Name);
                VisitAll(scalar.Directives);
                break;
            case ObjectTypeDefinitionNode objectType:
                VisitName(objectType.Name);
                VisitAll(objectType.Interfaces);
                VisitAll(objectType.Directives);
                VisitAll(objectType.Fields);
                break;
            case InterfaceTypeDefinitionNode interfaceType:
                VisitName(interfaceType.Name);
                VisitAll(interfaceType.Interfaces);
                VisitAll(interfaceType.Directives);
                VisitAll(interfaceType.Fields);
                break;
            case UnionTypeDefinitionNode union:
                VisitName(union.Name);
                VisitAll(union.Directives);
                VisitAll(union.Types);
                break;
            case EnumTypeDefinitionNode enumType:
                VisitName(enumType.Name);
                VisitAll(enumType.Directives);
                VisitAll(enumType.Values);
                break;
            case InputObjectTypeDefinitionNode inputObject:
                VisitName(inputObject.Name);
                VisitAll(inputObject.Directives);
                VisitAll(inputObject.Fields);
                break;
            case DirectiveDefinitionNode directive:
                VisitName(directive.Name);
                VisitAll(directive.Arguments);
                VisitAll(directive.Directives);
                foreach (var location in directive.Locations)
                {
                    VisitName(location);
                }

                break;
            case ScalarTypeExtensionNode scalarExtension:
                VisitName(scalarExtension.Name);
                VisitAll(scalarExtension.Directives);
                break;
            case ObjectTypeExtensionNode objectExtension:
                VisitName(objectExtension.Name);
                VisitAll(objectExtension.Interfaces);
                VisitAll(objectExtension.Directives);
                VisitAll(objectExtension.Fields);
                break;
            case InterfaceTypeExtensionNode interfaceExtension:
                VisitName(interfaceExtension.Name);
                VisitAll(interfaceExtension.Interfaces);
                VisitAll(interfaceExtension.Directives);
                VisitAll(interfaceExtension.Fields);
                break;
            case UnionTypeExtensionNode unionExtension:
                VisitName(unionExtension.Name);
                VisitAll(unionExtension.Directives);
                VisitAll(unionExtension.Types);
                break;
            case EnumTypeExtensionNode enumExtension:
                VisitName(enumExtension.Name);
                VisitAll(enumExtension.Directives);
                VisitAll(enumExtension.Values);
                break;
            case InputObjectTypeExtensionNode inputExtension:
                VisitName(inputExtension.Name);
                VisitAll(inputExtension.Directives);
                VisitAll(inputExtension.Fields);
                break;
        }
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
        }
    }

    private void VisitOptional(Node? node)
    {
        if (node is not null)
        {
            Visit(node);
        }
    }

    // No rule of the specification looks at names; they are visited only for rules that ask.
    private void VisitName(NameNode? name)
    {
        if (name is not null && _visitNames)
        {
            Visit(name);
        }
    }

    private void Enter(Node node)
    {
        _typeInfo?.Enter(node);
        var kind = node.Kind;
        if (_usageContext is not null)
        {
            CollectVariableUsage(node, kind);
        }

        foreach (var rule in _enterByKind[(int)kind])
        {
            if (rule.SkippedNode is null)
            {
                rule.Enter(node);
                if (rule.TakeSkipRequest())
                {
                    rule.SkippedNode = node;
                }
            }
        }
    }

    private void Leave(Node node)
    {
        var kind = node.Kind;
        if (_usages is not null && kind is NodeKind.OperationDefinition or NodeKind.FragmentDefinition)
        {
            // Complete before the rules leave the operation, since they ask for its usages there.
            _usageContext!.SetVariableUsages((ExecutableDefinitionNode)node, _usages);
            _usages = null;
        }
        else if (kind == NodeKind.VariableDefinition && _usageContext is not null)
        {
            _variableDefinitionDepth--;
        }

        var rules = _leaveByKind[(int)kind];
        foreach (var rule in rules)
        {
            if (rule.SkippedNode is null)
            {
                if (rule.LeaveKinds.Contains(kind))
                {
                    rule.Leave(node);
                }
            }
            else if (ReferenceEquals(rule.SkippedNode, node))
            {
                rule.SkippedNode = null;
            }
        }

        _typeInfo?.Leave(node);
    }

    private void CollectVariableUsage(Node node, NodeKind kind)
    {
        switch (kind)
        {
            case NodeKind.OperationDefinition or NodeKind.FragmentDefinition:
                if (!_usageContext!.HasVariableUsages((ExecutableDefinitionNode)node))
                {
                    _usages = [];
                }

                break;
            case NodeKind.VariableDefinition:
                _variableDefinitionDepth++;
                break;
            case NodeKind.Variable when _usages is not null && _variableDefinitionDepth == 0:
                _usages.Add(new VariableUsage((VariableNode)node, _typeInfo!.InputType, _typeInfo.HasDefaultValue, _typeInfo.ParentInputType));
                break;
        }
    }

    private void Push(Node node)
    {
        if (_depth == _ancestors.Length)
        {
            Array.Resize(ref _ancestors, _depth * 2);
        }

        _ancestors[_depth++] = node;
    }

    private void Pop() => _ancestors[--_depth] = null!;
}
