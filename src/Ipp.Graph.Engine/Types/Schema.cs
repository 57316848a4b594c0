namespace Ipp.Graph.Engine.Types;

/// <summary>
/// A complete, immutable type system: the root operation types, every named type reachable from them (plus any
/// extra types given, plus the introspection types), and the directives. Answers the questions validation and
/// execution ask of it: a type by name, the possible object types of an abstract type, subtype relations.
/// </summary>
/// <remarks>
/// Constructing a schema does not check the type-system rules; <see cref="SchemaValidator"/> does, and the schema
/// builder runs it, so a schema built from SDL is always valid.
/// </remarks>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<IAbstractType, ObjectType[]> _possibleTypes = [];
    private readonly Dictionary<IAbstractType, HashSet<NamedType>> _subTypes = [];
    private readonly Dictionary<InterfaceType, (ObjectType[] Objects, InterfaceType[] Interfaces)> _implementations = [];

    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = description;

        foreach (var directive in directives ?? [])
        {
            _directives[directive.Name] = directive;
        }

        Directives = _directives.Values.ToArray();

        // As graphql-js does, the given types come first, in the order given, each followed by the types it is the
        // first to reference; then the root types, the directives' argument types and the introspection types.
        var given = types?.ToArray() ?? [];
        var order = new List<NamedType>();
        foreach (var type in given)
        {
            CollectReferencedTypes(type, order, recurse: false);
        }

        foreach (var type in given)
        {
            if (_typeMap.Remove(type.Name))
            {
                order.Remove(type);
            }

            CollectReferencedTypes(type, order, recurse: true);
        }

        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                CollectReferencedTypes(root, order, recurse: true);
            }
        }

        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                CollectReferencedTypes(argument.Type.Named, order, recurse: true);
            }
        }

        foreach (var type in Introspection.IntrospectionTypes.Types)
        {
            CollectReferencedTypes(type, order, recurse: true);
        }

        _typeMap.Clear();
        foreach (var type in order)
        {
            _typeMap[type.Name] = type;
        }

        ComputeImplementations();
    }

    public string? Description { get; internal set; }

    /// <summary>The query root type; null only in a schema that has not passed validation.</summary>
    public ObjectType? Query { get; }

    public ObjectType? Mutation { get; }

    public ObjectType? Subscription { get; }

    /// <summary>Every named type, including the built-in scalars in use and the introspection types.</summary>
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    public Language.Ast.SchemaDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<Language.Ast.SchemaExtensionNode> ExtensionAstNodes { get; internal set; } = [];

    public ObjectType? GetRootType(Language.Ast.OperationType operation) => operation switch
    {
        Language.Ast.OperationType.Query => Query,
        Language.Ast.OperationType.Mutation => Mutation,
        _ => Subscription,
    };

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The object types a value of an interface or union may have at run time.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(IAbstractType abstractType)
    {
        return _possibleTypes.TryGetValue(abstractType, out var possible) ? possible : [];
    }

    /// <summary>The object types and the interfaces that declare they implement <paramref name="interfaceType"/>.</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType, out var found) ? (found.Objects, found.Interfaces) : ([], []);

    /// <summary>True when <paramref name="maybeSubType"/> is a possible type of, or an interface implementing, the abstract type.</summary>
    public bool IsSubType(IAbstractType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var set) && set.Contains(maybeSubType);

    private void CollectReferencedTypes(NamedType type, List<NamedType> order, bool recurse)
    {
        if (_typeMap.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
            {
                throw new InvalidOperationException(
                    $"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
            }

            return;
        }

        _typeMap[type.Name] = type;
        order.Add(type);
        if (!recurse)
        {
            return;
        }

        switch (type)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    CollectReferencedTypes(member, order, recurse);
                }

                break;
            case ComplexType complex:
                foreach (var @interface in complex.Interfaces)
                {
                    CollectReferencedTypes(@interface, order, recurse);
                }

                foreach (var field in complex.Fields)
                {
                    CollectReferencedTypes(field.Type.Named, order, recurse);
                    foreach (var argument in field.Arguments)
                    {
                        CollectReferencedTypes(argument.Type.Named, order, recurse);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    CollectReferencedTypes(field.Type.Named, order, recurse);
                }

                break;
        }
    }

    private void ComputeImplementations()
    {
        var objects = new Dictionary<InterfaceType, List<ObjectType>>();
        var interfaces = new Dictionary<InterfaceType, List<InterfaceType>>();
        foreach (var type in _typeMap.Values)
        {
            if (type is not ComplexType complex)
            {
                continue;
            }

            foreach (var @interface in complex.Interfaces)
            {
                if (complex is ObjectType objectType)
                {
                    GetOrAdd(objects, @interface).Add(objectType);
                }
                else if (complex is InterfaceType implementing)
                {
                    GetOrAdd(interfaces, @interface).Add(implementing);
                }
            }
        }

        foreach (var type in _typeMap.Values)
        {
            switch (type)
            {
                case InterfaceType @interface:
                    var implementingObjects = objects.GetValueOrDefault(@interface)?.ToArray() ?? [];
                    _implementations[@interface] = (implementingObjects, interfaces.GetValueOrDefault(@interface)?.ToArray() ?? []);
                    _possibleTypes[@interface] = implementingObjects;
                    _subTypes[@interface] = [.. implementingObjects, .. _implementations[@interface].Interfaces];
                    break;
                case UnionType union:
                    _possibleTypes[union] = union.Types.ToArray();
                    _subTypes[union] = [.. union.Types];
                    break;
            }
        }
    }

    private static List<T> GetOrAdd<T>(Dictionary<InterfaceType, List<T>> map, InterfaceType key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}
