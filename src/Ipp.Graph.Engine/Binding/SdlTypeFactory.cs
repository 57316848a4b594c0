using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Builds the types, directives and root types an SDL document defines, with graphql-js's buildASTSchema semantics:
/// extensions merge into the types they extend, the built-in scalars and the introspection types stand for their
/// names, descriptions come from definitions, @deprecated, @specifiedBy and @oneOf set what they mean, and without a
/// schema definition the types named Query, Mutation and Subscription are the roots.
/// </summary>
/// <remarks>
/// What would make building impossible (unknown or duplicate names, bad extensions) is reported as a problem and
/// skipped, never thrown. <see cref="SchemaBuilder"/> runs the SDL validation rules first, which find most of these
/// before this class sees the document; the checks here keep the factory safe on SDL nothing has validated (the
/// type-system rule tests build through it directly). Default values are computed in a later step
/// (<see cref="ComputeDefaultValues"/>), once enum types have their final internal values.
/// </remarks>
internal sealed class SdlTypeFactory
{
    private static readonly Dictionary<string, NamedType> StandardTypes = CreateStandardTypes();

    private readonly DocumentNode _document;
    private readonly IReadOnlyDictionary<string, ScalarType> _scalars;
    private readonly List<GraphQLError> _problems;
    private readonly Dictionary<string, NamedType> _definedTypes = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = [];
    private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly List<(InputValueDefinition Target, ValueNode Literal, string Coordinate)> _defaults = [];
    private readonly List<DirectiveDefinition> _directives = [];
    private readonly List<SchemaExtensionNode> _schemaExtensions = [];
    private SchemaDefinitionNode? _schemaDefinition;

    public SdlTypeFactory(DocumentNode document, IReadOnlyDictionary<string, ScalarType> scalars, List<GraphQLError> problems)
    {
        _document = document;
        _scalars = scalars;
        _problems = problems;
    }

    /// <summary>The named types in the order the document defines them.</summary>
    public IReadOnlyList<NamedType> Types => _types;

    public ObjectType? Query { get; private set; }

    public ObjectType? Mutation { get; private set; }

    public ObjectType? Subscription { get; private set; }

    /// <summary>True when a root operation type was named but is not an object type (already reported).</summary>
    public bool QueryRootIsInvalid { get; private set; }

    /// <summary>The names of the added scalars the SDL declares.</summary>
    public HashSet<string> DeclaredScalars { get; } = new(StringComparer.Ordinal);

    public NamedType? GetDefinedType(string name) => _definedTypes.GetValueOrDefault(name);

    public void BuildTypes()
    {
        var definitions = new List<TypeDefinitionNode>();
        var directiveDefinitions = new List<DirectiveDefinitionNode>();
        foreach (var definition in _document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    if (_schemaDefinition is not null)
                    {
                        Report("Must provide only one schema definition.", schema);
                    }

                    _schemaDefinition = schema;
                    break;
                case SchemaExtensionNode extension:
                    _schemaExtensions.Add(extension);
                    break;
                case TypeDefinitionNode type:
                    definitions.Add(type);
                    break;
                case TypeExtensionNode extension:
                    GetOrAdd(_extensions, extension.Name.Value).Add(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    directiveDefinitions.Add(directive);
                    break;
                default:
                    Report("An SDL document may hold only type-system definitions, not operations or fragments.", definition);
                    break;
            }
        }

        foreach (var definition in definitions)
        {
            CreateType(definition);
        }

        AttachExtensions();
        foreach (var definition in definitions)
        {
            if (_definedTypes.TryGetValue(definition.Name.Value, out var type) && ReferenceEquals(type.AstNode, definition))
            {
                FillType(type);
            }
        }

        foreach (var directive in directiveDefinitions)
        {
            BuildDirective(directive);
        }

        BuildRootTypes();
    }

    /// <summary>Coerces every default value written in the SDL (enum types must have their final values by now).</summary>
    /// <remarks>
    /// A default for an input object takes the defaults of the fields it leaves out (<c>{direction: DESC}</c> gets
    /// <c>field: TITLE</c>), so the defaults of an input type's fields, and of the input types they use, are coerced
    /// before any default of that type, whatever the order of the SDL. Problems are reported in document order.
    /// </remarks>
    public void ComputeDefaultValues()
    {
        var fieldDefaults = new Dictionary<InputObjectType, List<int>>();
        for (var i = 0; i < _defaults.Count; i++)
        {
            if (_defaults[i].Target is InputFieldDefinition field)
            {
                if (!fieldDefaults.TryGetValue(field.DeclaringType, out var indices))
                {
                    fieldDefaults[field.DeclaringType] = indices = [];
                }

                indices.Add(i);
            }
        }

        var failed = new bool[_defaults.Count];
        var visited = new HashSet<InputObjectType>();
        for (var i = 0; i < _defaults.Count; i++)
        {
            if (_defaults[i].Target is InputFieldDefinition field)
            {
                CoerceFieldDefaults(field.DeclaringType);
            }
            else
            {
                if (_defaults[i].Target.Type.Named is InputObjectType inputType)
                {
                    CoerceFieldDefaults(inputType);
                }

                Coerce(i);
            }
        }

        for (var i = 0; i < _defaults.Count; i++)
        {
            if (failed[i])
            {
                var (target, literal, coordinate) = _defaults[i];
                Report($"Default value of \"{coordinate}\" is not a valid \"{target.Type}\": {Printer.Print(literal)}.", literal);
            }
        }

        // Input types that refer to each other stop at the first one revisited.
        void CoerceFieldDefaults(InputObjectType type)
        {
            if (!visited.Add(type))
            {
                return;
            }

            foreach (var field in type.Fields)
            {
                if (field.Type.Named is InputObjectType fieldType)
                {
                    CoerceFieldDefaults(fieldType);
                }
            }

            if (fieldDefaults.TryGetValue(type, out var indices))
            {
                foreach (var index in indices)
                {
                    Coerce(index);
                }
            }
        }

        void Coerce(int index)
        {
            var (target, literal, _) = _defaults[index];
            if (ValueFromAst.TryConvert(literal, target.Type, null, out var value))
            {
                target.HasDefaultValue = true;
                target.DefaultValue = value;
                target.DefaultValueLiteral = literal;
            }
            else
            {
                failed[index] = true;
            }
        }
    }

    public Schema CreateSchema()
    {
        var directives = new List<DirectiveDefinition>(_directives);
        foreach (var specified in Directives.Specified)
        {
            if (!directives.Exists(d => d.Name == specified.Name))
            {
                directives.Add(specified);
            }
        }

        return new Schema(Query, Mutation, Subscription, _types, directives, _schemaDefinition?.Description?.Value)
        {
            AstNode = _schemaDefinition,
            ExtensionAstNodes = _schemaExtensions,
        };
    }

    private static Dictionary<string, NamedType> CreateStandardTypes()
    {
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var scalar in SpecifiedScalars.Specified)
        {
            types[scalar.Name] = scalar;
        }

        foreach (var type in IntrospectionTypes.Types)
        {
            types[type.Name] = type;
        }

        return types;
    }

    private static List<T> GetOrAdd<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }

    private void Report(string message, params Node?[] nodes) => _problems.Add(new GraphQLError(message, nodes));

    private void CreateType(TypeDefinitionNode definition)
    {
        var name = definition.Name.Value;
        if (StandardTypes.TryGetValue(name, out var standard))
        {
            // graphql-js keeps the built-in type for a definition that reuses its name.
            if (!_types.Contains(standard))
            {
                _types.Add(standard);
            }

            return;
        }

        if (_definedTypes.TryGetValue(name, out var existing))
        {
            Report($"There can be only one type named \"{name}\".", existing.AstNode?.Name, definition.Name);
            return;
        }

        var description = definition.Description?.Value;
        NamedType type = definition switch
        {
            ObjectTypeDefinitionNode => new ObjectType(name, description),
            InterfaceTypeDefinitionNode => new InterfaceType(name, description),
            UnionTypeDefinitionNode => new UnionType(name, description),
            EnumTypeDefinitionNode => new EnumType(name, description),
            InputObjectTypeDefinitionNode input => new InputObjectType(name, description) { IsOneOf = Find(input.Directives, "oneOf") is not null },
            _ => CreateScalar((ScalarTypeDefinitionNode)definition),
        };
        type.AstNode = definition;
        _definedTypes[name] = type;
        _types.Add(type);
    }

    private ScalarType CreateScalar(ScalarTypeDefinitionNode definition)
    {
        var name = definition.Name.Value;
        if (!_scalars.TryGetValue(name, out var scalar))
        {
            Report($"Scalar \"{name}\" has no implementation: give one to SchemaBuilder.AddScalar.", definition.Name);
            scalar = new MissingScalar(name);
        }
        else
        {
            DeclaredScalars.Add(name);
        }

        if (definition.Description is { } description)
        {
            scalar.Description = description.Value;
        }

        if (SpecifiedByUrl(definition.Directives) is { } url)
        {
            scalar.SpecifiedByUrl = url;
        }

        return scalar;
    }

    private void AttachExtensions()
    {
        foreach (var (name, extensions) in _extensions)
        {
            if (!_definedTypes.TryGetValue(name, out var type))
            {
                var known = new List<string>(_definedTypes.Keys);
                foreach (var extension in extensions)
                {
                    Report(
                        $"Cannot extend type \"{name}\" because it is not defined." + DidYouMean.Format(SuggestionList.Find(name, known)),
                        extension.Name);
                }

                continue;
            }

            var matching = new List<TypeExtensionNode>();
            foreach (var extension in extensions)
            {
                if (!IsExtensionOf(extension, type))
                {
                    Report($"Cannot extend non-{ExtensionKindName(extension)} type \"{name}\".", type.AstNode, extension);
                    continue;
                }

                matching.Add(extension);
                if (type is ScalarType scalar && SpecifiedByUrl(extension.Directives) is { } url)
                {
                    scalar.SpecifiedByUrl = url;
                }
            }

            type.ExtensionAstNodes = matching;
        }
    }

    private static bool IsExtensionOf(TypeExtensionNode extension, NamedType type) => (extension, type) switch
    {
        (ScalarTypeExtensionNode, ScalarType) => true,
        (ObjectTypeExtensionNode, ObjectType) => true,
        (InterfaceTypeExtensionNode, InterfaceType) => true,
        (UnionTypeExtensionNode, UnionType) => true,
        (EnumTypeExtensionNode, EnumType) => true,
        (InputObjectTypeExtensionNode, InputObjectType) => true,
        _ => false,
    };

    private static string ExtensionKindName(TypeExtensionNode extension) => extension switch
    {
        ScalarTypeExtensionNode => "scalar",
        ObjectTypeExtensionNode => "object",
        InterfaceTypeExtensionNode => "interface",
        UnionTypeExtensionNode => "union",
        EnumTypeExtensionNode => "enum",
        _ => "input object",
    };

    private void FillType(NamedType type)
    {
        var nodes = new List<Node> { type.AstNode! };
        nodes.AddRange(type.ExtensionAstNodes);
        switch (type)
        {
            case ComplexType complex:
                FillComplexType(complex, nodes);
                break;
            case UnionType union:
                FillUnion(union, nodes);
                break;
            case EnumType enumType:
                FillEnum(enumType, nodes);
                break;
            case InputObjectType input:
                FillInputObject(input, nodes);
                break;
        }
    }

    private void FillComplexType(ComplexType type, List<Node> nodes)
    {
        var interfaces = new List<InterfaceType>();
        var fields = new List<FieldDefinition>();
        var fieldNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var (interfaceNodes, fieldNodes) = node switch
            {
                ObjectTypeDefinitionNode n => (n.Interfaces, n.Fields),
                ObjectTypeExtensionNode n => (n.Interfaces, n.Fields),
                InterfaceTypeDefinitionNode n => (n.Interfaces, n.Fields),
                InterfaceTypeExtensionNode n => (n.Interfaces, n.Fields),
                _ => ([], []),
            };
            foreach (var interfaceNode in interfaceNodes)
            {
                switch (GetNamedType(interfaceNode))
                {
                    case InterfaceType @interface:
                        interfaces.Add(@interface);
                        break;
                    case { } other:
                        Report($"Type {type.Name} must only implement Interface types, it cannot implement {other.Name}.", interfaceNode);
                        break;
                }
            }

            foreach (var fieldNode in fieldNodes)
            {
                if (!fieldNames.Add(fieldNode.Name.Value))
                {
                    Report($"Field \"{type.Name}.{fieldNode.Name.Value}\" can only be defined once.", fieldNode.Name);
                    continue;
                }

                fields.Add(BuildField(type.Name, fieldNode));
            }
        }

        type.Interfaces = interfaces;
        type.SetFields(fields);
    }

    private FieldDefinition BuildField(string typeName, FieldDefinitionNode node)
    {
        var name = node.Name.Value;
        var field = new FieldDefinition(name, GetType(node.Type), node.Description?.Value)
        {
            AstNode = node,
            DeprecationReason = DeprecationReason(node.Directives),
        };
        field.Arguments = BuildArguments(node.Arguments, $"{typeName}.{name}");
        return field;
    }

    /// <param name="nodes">The argument definitions.</param>
    /// <param name="owner">What the arguments belong to, as a coordinate: <c>Type.field</c> or <c>@directive</c>.</param>
    private List<ArgumentDefinition> BuildArguments(IReadOnlyList<InputValueDefinitionNode> nodes, string owner)
    {
        var arguments = new List<ArgumentDefinition>(nodes.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var coordinate = $"{owner}({node.Name.Value}:)";
            if (!names.Add(node.Name.Value))
            {
                Report($"Argument \"{coordinate}\" can only be defined once.", node.Name);
                continue;
            }

            var argument = new ArgumentDefinition(node.Name.Value, GetType(node.Type), node.Description?.Value)
            {
                AstNode = node,
                DeprecationReason = DeprecationReason(node.Directives),
            };
            if (node.DefaultValue is { } literal)
            {
                _defaults.Add((argument, literal, coordinate));
            }

            arguments.Add(argument);
        }

        return arguments;
    }

    private void FillUnion(UnionType union, List<Node> nodes)
    {
        var members = new List<ObjectType>();
        foreach (var node in nodes)
        {
            var typeNodes = node switch
            {
                UnionTypeDefinitionNode n => n.Types,
                UnionTypeExtensionNode n => n.Types,
                _ => [],
            };
            foreach (var typeNode in typeNodes)
            {
                switch (GetNamedType(typeNode))
                {
                    case ObjectType member:
                        members.Add(member);
                        break;
                    case { } other:
                        Report($"Union type {union.Name} can only include Object types, it cannot include {other.Name}.", typeNode);
                        break;
                }
            }
        }

        union.Types = members;
    }

    private void FillEnum(EnumType enumType, List<Node> nodes)
    {
        var values = new List<EnumValueDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var valueNodes = node switch
            {
                EnumTypeDefinitionNode n => n.Values,
                EnumTypeExtensionNode n => n.Values,
                _ => [],
            };
            foreach (var valueNode in valueNodes)
            {
                var name = valueNode.Name.Value;
                if (!names.Add(name))
                {
                    Report($"Enum value \"{enumType.Name}.{name}\" can only be defined once.", valueNode.Name);
                    continue;
                }

                values.Add(new EnumValueDefinition(name, name, valueNode.Description?.Value)
                {
                    AstNode = valueNode,
                    DeprecationReason = DeprecationReason(valueNode.Directives),
                });
            }
        }

        enumType.SetValues(values);
    }

    private void FillInputObject(InputObjectType input, List<Node> nodes)
    {
        var fields = new List<InputFieldDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var fieldNodes = node switch
            {
                InputObjectTypeDefinitionNode n => n.Fields,
                InputObjectTypeExtensionNode n => n.Fields,
                _ => [],
            };
            foreach (var fieldNode in fieldNodes)
            {
                var name = fieldNode.Name.Value;
                if (!names.Add(name))
                {
                    Report($"Field \"{input.Name}.{name}\" can only be defined once.", fieldNode.Name);
                    continue;
                }

                var field = new InputFieldDefinition(name, GetType(fieldNode.Type), fieldNode.Description?.Value)
                {
                    AstNode = fieldNode,
                    DeprecationReason = DeprecationReason(fieldNode.Directives),
                };
                if (fieldNode.DefaultValue is { } literal)
                {
                    _defaults.Add((field, literal, $"{input.Name}.{name}"));
                }

                fields.Add(field);
            }
        }

        input.SetFields(fields);
    }

    private void BuildDirective(DirectiveDefinitionNode node)
    {
        var name = node.Name.Value;
        if (_directives.Find(d => d.Name == name) is { } existing)
        {
            Report($"There can be only one directive named \"@{name}\".", existing.AstNode?.Name, node.Name);
            return;
        }

        var locations = new List<DirectiveLocation>(node.Locations.Count);
        foreach (var location in node.Locations)
        {
            if (Enum.TryParse<DirectiveLocation>(location.Value, ignoreCase: false, out var parsed))
            {
                locations.Add(parsed);
            }
            else
            {
                Report($"Unknown directive location \"{location.Value}\".", location);
            }
        }

        _directives.Add(new DirectiveDefinition(name, locations, node.Description?.Value)
        {
            Arguments = BuildArguments(node.Arguments, "@" + name),
            IsRepeatable = node.Repeatable,
            AstNode = node,
        });
    }

    private void BuildRootTypes()
    {
        var roots = new Dictionary<OperationType, NamedTypeNode>();
        if (_schemaDefinition is not null)
        {
            foreach (var operation in _schemaDefinition.OperationTypes)
            {
                roots[operation.Operation] = operation.Type;
            }
        }

        foreach (var extension in _schemaExtensions)
        {
            foreach (var operation in extension.OperationTypes)
            {
                roots[operation.Operation] = operation.Type;
            }
        }

        var query = roots.TryGetValue(OperationType.Query, out var queryNode) ? GetNamedType(queryNode) : null;
        var mutation = roots.TryGetValue(OperationType.Mutation, out var mutationNode) ? GetNamedType(mutationNode) : null;
        var subscription = roots.TryGetValue(OperationType.Subscription, out var subscriptionNode) ? GetNamedType(subscriptionNode) : null;
        if (_schemaDefinition is null)
        {
            query = _definedTypes.GetValueOrDefault("Query") ?? query;
            mutation = _definedTypes.GetValueOrDefault("Mutation") ?? mutation;
            subscription = _definedTypes.GetValueOrDefault("Subscription") ?? subscription;
        }

        Query = RootObject(query, "Query root type must be Object type", queryNode);
        QueryRootIsInvalid = query is not null && Query is null;
        Mutation = RootObject(mutation, "Mutation root type must be Object type if provided", mutationNode);
        Subscription = RootObject(subscription, "Subscription root type must be Object type if provided", subscriptionNode);
    }

    private ObjectType? RootObject(NamedType? type, string rule, NamedTypeNode? node)
    {
        if (type is null or ObjectType)
        {
            return (ObjectType?)type;
        }

        Report($"{rule}, it cannot be {type.Name}.", node ?? (Node?)type.AstNode);
        return null;
    }

    private GraphQLType GetType(TypeNode node) => node switch
    {
        ListTypeNode list => new ListType(GetType(list.Type)),
        NonNullTypeNode nonNull => new NonNullType(GetType(nonNull.Type)),
        _ => GetNamedType((NamedTypeNode)node) ?? SpecifiedScalars.String,
    };

    /// <summary>The type a name refers to; null (and a problem) when there is none.</summary>
    private NamedType? GetNamedType(NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (StandardTypes.TryGetValue(name, out var standard) || _definedTypes.TryGetValue(name, out standard))
        {
            return standard;
        }

        var known = new List<string>(StandardTypes.Keys);
        known.AddRange(_definedTypes.Keys);
        Report($"Unknown type \"{name}\"." + DidYouMean.Format(SuggestionList.Find(name, known)), node);
        return null;
    }

    private static DirectiveNode? Find(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }

    private static ArgumentNode? FindArgument(DirectiveNode directive, string name)
    {
        ArgumentNode? found = null;
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == name)
            {
                found = argument;
            }
        }

        return found;
    }

    /// <summary>The reason of a @deprecated, its default when none is written; null when absent or when the reason is null.</summary>
    private string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        if (Find(directives, "deprecated") is not { } directive)
        {
            return null;
        }

        return FindArgument(directive, "reason")?.Value switch
        {
            null => Directives.DefaultDeprecationReason,
            StringValueNode reason => reason.Value,
            NullValueNode => null,
            var other => InvalidArgument("reason", other),
        };
    }

    private string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives)
    {
        if (Find(directives, "specifiedBy") is not { } directive)
        {
            return null;
        }

        switch (FindArgument(directive, "url")?.Value)
        {
            case StringValueNode url:
                return url.Value;
            case null:
                Report("Argument \"url\" of required type \"String!\" was not provided.", directive);
                return null;
            case NullValueNode nullUrl:
                Report("Argument \"url\" of non-null type \"String!\" must not be null.", nullUrl);
                return null;
            case var other:
                return InvalidArgument("url", other);
        }
    }

    private string? InvalidArgument(string name, ValueNode value)
    {
        Report($"Argument \"{name}\" has invalid value {Printer.Print(value)}.", value);
        return null;
    }

    /// <summary>Stands in for a scalar the SDL declares but nobody implemented; the build fails, so it is never used.</summary>
    private sealed class MissingScalar(string name) : ScalarType(name)
    {
        public override object Serialize(object value) => throw Missing();

        public override object ParseValue(object value) => throw Missing();

        public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => throw Missing();

        private GraphQLError Missing() => new($"Scalar \"{Name}\" has no implementation.");
    }
}
