using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Applies a <see cref="SchemaBuilder"/>'s bindings to the types built from SDL, reporting each binding that names
/// nothing suitable, and checks at the end that every field can be resolved and every abstract type can name types.
/// </summary>
internal sealed class SchemaBinding(SdlTypeFactory factory, List<GraphQLError> problems)
{
    private readonly Dictionary<ObjectType, Type> _clrTypes = [];
    private readonly HashSet<FieldDefinition> _explicitResolvers = [];
    private readonly HashSet<FieldDefinition> _explicitSubscribers = [];
    private readonly HashSet<IAbstractType> _explicitTypeResolvers = [];

    public void BindEnums(List<(string TypeName, Type ClrType)> bindings)
    {
        foreach (var (name, clrType) in bindings)
        {
            if (Find<EnumType>(factory.GetDefinedType(name), name, $"BindEnum<{clrType.Name}>(\"{name}\")", "enum types can be bound to .NET enums") is not { } type)
            {
                continue;
            }

            if (type.ClrType is { } existing)
            {
                if (existing != clrType)
                {
                    problems.Add(new GraphQLError($"Enum type \"{name}\" is bound to {existing.Name} and cannot also be bound to {clrType.Name}."));
                }

                continue;
            }

            ClrEnumBinder.TryBind(type, clrType, problems);
        }
    }

    public void BindInputs(List<(string TypeName, Type ClrType)> bindings)
    {
        var binder = new ClrInputBinder(problems);
        foreach (var (name, clrType) in bindings)
        {
            if (Find<InputObjectType>(factory.GetDefinedType(name), name, $"BindInput<{clrType.Name}>(\"{name}\")", "input object types can be bound with BindInput") is { } type)
            {
                binder.Bind(type, clrType);
            }
        }
    }

    public void BindResolvers(Schema schema, List<(string Coordinate, FieldResolver Resolver)> resolvers)
    {
        foreach (var (coordinate, resolver) in resolvers)
        {
            if (FindField(schema, coordinate, "Resolver") is not { } field)
            {
                continue;
            }

            if (!_explicitResolvers.Add(field))
            {
                problems.Add(new GraphQLError($"Resolver \"{coordinate}\" is given twice."));
                continue;
            }

            field.Resolver = resolver;
        }
    }

    public void BindSubscribers(Schema schema, List<(string Coordinate, SubscriptionResolver Subscriber)> subscribers)
    {
        foreach (var (coordinate, subscriber) in subscribers)
        {
            if (FindField(schema, coordinate, "Subscriber") is not { } field)
            {
                continue;
            }

            if (!ReferenceEquals(field.DeclaringType, schema.Subscription))
            {
                problems.Add(new GraphQLError(schema.Subscription is null
                    ? $"Subscriber \"{coordinate}\" is not on the subscription type: the schema has none."
                    : $"Subscriber \"{coordinate}\" is not on the subscription type: only fields of \"{schema.Subscription.Name}\" have subscribers."));
                continue;
            }

            if (!_explicitSubscribers.Add(field))
            {
                problems.Add(new GraphQLError($"Subscriber \"{coordinate}\" is given twice."));
                continue;
            }

            field.Subscriber = subscriber;
        }
    }

    public void BindTypes(Schema schema, List<(string TypeName, Type ClrType)> bindings)
    {
        foreach (var (name, clrType) in bindings)
        {
            if (Find<ObjectType>(schema.GetType(name), name, $"BindType<{clrType.Name}>(\"{name}\")", "object types can be bound with BindType") is not { } type)
            {
                continue;
            }

            if (_clrTypes.TryGetValue(type, out var existing))
            {
                if (existing != clrType)
                {
                    problems.Add(new GraphQLError($"Object type \"{name}\" is bound to {existing.Name} and cannot also be bound to {clrType.Name}."));
                }

                continue;
            }

            _clrTypes[type] = clrType;
            ClrTypeBinder.Bind(type, clrType, problems);
        }
    }

    public void BindTypeResolvers(Schema schema, List<(string TypeName, TypeResolver Resolver)> resolvers)
    {
        foreach (var (name, resolver) in resolvers)
        {
            var type = schema.GetType(name);
            if (type is null)
            {
                problems.Add(new GraphQLError($"Type resolver \"{name}\" names no type." + Suggest(name, schema.TypeMap.Keys)));
                continue;
            }

            if (type is not IAbstractType abstractType)
            {
                problems.Add(new GraphQLError(
                    $"Type resolver \"{name}\" names {KindOf(type)} \"{name}\": only interfaces and unions resolve types."));
                continue;
            }

            if (!_explicitTypeResolvers.Add(abstractType))
            {
                problems.Add(new GraphQLError($"Type resolver \"{name}\" is given twice."));
                continue;
            }

            SetTypeResolver(abstractType, resolver);
        }
    }

    /// <summary>Gives the default resolver to fields without one (or reports them) and derived type resolvers to abstract types.</summary>
    public void Complete(Schema schema, FieldResolver? defaultResolver)
    {
        foreach (var type in schema.TypeMap.Values)
        {
            if (IntrospectionTypes.IsIntrospectionType(type))
            {
                continue;
            }

            switch (type)
            {
                case ObjectType objectType:
                    CompleteFields(schema, objectType, defaultResolver);
                    break;
                case IAbstractType abstractType when abstractType.ResolveType is null:
                    DeriveTypeResolver(schema, abstractType);
                    break;
            }
        }
    }

    /// <summary>Applies each wrapper to every field of the object types (<see cref="IFieldWrapper"/>), listing what they refuse.</summary>
    public void WrapFields(Schema schema, List<IFieldWrapper> wrappers)
    {
        if (wrappers.Count == 0)
        {
            return;
        }

        foreach (var type in schema.TypeMap.Values)
        {
            if (type is not ObjectType objectType || IntrospectionTypes.IsIntrospectionType(type))
            {
                continue;
            }

            var isSubscription = ReferenceEquals(type, schema.Subscription);
            foreach (var field in objectType.Fields)
            {
                try
                {
                    foreach (var wrapper in wrappers)
                    {
                        if (isSubscription)
                        {
                            field.Subscriber = wrapper.WrapSubscriber(schema, field, field.Subscriber!);
                        }
                        else if (wrapper.WrapResolver(schema, field, field.Resolver!) is var wrapped && !ReferenceEquals(wrapped, field.Resolver))
                        {
                            // A new resolver ends the plain property read (FieldDefinition.PropertyGetter), which would skip it;
                            // a field left as it was keeps it.
                            field.Resolver = wrapped;
                        }
                    }
                }
                catch (GraphQLError problem)
                {
                    problems.Add(problem);
                }
            }
        }
    }

    private void CompleteFields(Schema schema, ObjectType type, FieldResolver? defaultResolver)
    {
        var isSubscription = ReferenceEquals(type, schema.Subscription);
        foreach (var field in type.Fields)
        {
            if (isSubscription)
            {
                if (field.Subscriber is null)
                {
                    problems.Add(new GraphQLError($"Field \"{type.Name}.{field.Name}\" has no subscriber.", [field.AstNode]));
                }

                continue;
            }

            if (field.Resolver is not null)
            {
                continue;
            }

            if (defaultResolver is not null)
            {
                field.Resolver = defaultResolver;
            }
            else
            {
                problems.Add(new GraphQLError($"Field \"{type.Name}.{field.Name}\" has no resolver.", [field.AstNode]));
            }
        }
    }

    private void DeriveTypeResolver(Schema schema, IAbstractType abstractType)
    {
        var possibleTypes = schema.GetPossibleTypes(abstractType);
        var byClrType = new Dictionary<Type, ObjectType>();
        foreach (var possible in possibleTypes)
        {
            if (_clrTypes.TryGetValue(possible, out var clrType) && !byClrType.TryAdd(clrType, possible))
            {
                problems.Add(new GraphQLError(
                    $"\"{abstractType.Name}\" cannot tell \"{byClrType[clrType].Name}\" from \"{possible.Name}\": both are bound to "
                    + $"{clrType.Name}. Give \"{abstractType.Name}\" a type resolver with ResolveType."));
            }
        }

        SetTypeResolver(abstractType, DerivedTypeResolver.Create(possibleTypes, _clrTypes));
    }

    private static void SetTypeResolver(IAbstractType abstractType, TypeResolver resolver)
    {
        switch (abstractType)
        {
            case InterfaceType @interface:
                @interface.ResolveType = resolver;
                break;
            case UnionType union:
                union.ResolveType = resolver;
                break;
        }
    }

    /// <summary>The field a coordinate names on an object type; null (and a problem) otherwise.</summary>
    private FieldDefinition? FindField(Schema schema, string coordinate, string what)
    {
        var dot = coordinate.IndexOf('.');
        if (dot <= 0 || dot == coordinate.Length - 1 || coordinate.IndexOf('.', dot + 1) >= 0)
        {
            problems.Add(new GraphQLError($"{what} \"{coordinate}\" is not a field coordinate such as \"Query.me\"."));
            return null;
        }

        var typeName = coordinate[..dot];
        var fieldName = coordinate[(dot + 1)..];
        switch (schema.GetType(typeName))
        {
            case null:
                problems.Add(new GraphQLError(
                    $"{what} \"{coordinate}\" names no field: there is no type \"{typeName}\"." + Suggest(typeName, schema.TypeMap.Keys)));
                return null;
            case InterfaceType:
                problems.Add(new GraphQLError(
                    $"{what} \"{coordinate}\" names an interface field: bind it on the object types that implement \"{typeName}\"."));
                return null;
            case ObjectType objectType when objectType.GetField(fieldName) is { } field:
                return field;
            case ObjectType objectType:
                var fieldNames = new List<string>();
                foreach (var candidate in objectType.Fields)
                {
                    fieldNames.Add(candidate.Name);
                }

                problems.Add(new GraphQLError(
                    $"{what} \"{coordinate}\" names no field: type \"{typeName}\" has no field \"{fieldName}\"." + Suggest(fieldName, fieldNames)));
                return null;
            case var other:
                problems.Add(new GraphQLError(
                    $"{what} \"{coordinate}\" names no field: \"{typeName}\" is {KindOf(other)}, not an object type."));
                return null;
        }
    }

    /// <summary>The type of that name when it is a <typeparamref name="T"/>; null (and a problem) otherwise.</summary>
    private T? Find<T>(NamedType? type, string name, string binding, string rule)
        where T : NamedType
    {
        switch (type)
        {
            case T found:
                return found;
            case null:
                problems.Add(new GraphQLError($"{binding} names no type." + Suggest(name, factory.Types.Select(t => t.Name))));
                return null;
            default:
                problems.Add(new GraphQLError($"{binding} names {KindOf(type)} \"{name}\": only {rule}.", [type.AstNode]));
                return null;
        }
    }

    private static string Suggest(string name, IEnumerable<string> options) => DidYouMean.Format(SuggestionList.Find(name, options));

    private static string KindOf(NamedType type) => type switch
    {
        ScalarType => "a scalar",
        ObjectType => "an object type",
        InterfaceType => "an interface",
        UnionType => "a union",
        EnumType => "an enum type",
        _ => "an input object type",
    };
}
