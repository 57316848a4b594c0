using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Validation;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Builds an executable <see cref="Schema"/> from SDL (schema-first) and binds resolvers to it by
/// <c>Type.field</c> coordinates or by .NET types. <see cref="Build"/> fails with every problem listed when a
/// field has no resolver, a binding names no field, or the SDL breaks a type-system rule.
/// </summary>
/// <remarks>
/// Several SDL documents are read as one (graphql-js's buildASTSchema of their definitions together), so any of them
/// may extend what another defines. Bindings are checked against the SDL when the schema is built, each problem named
/// by its coordinate; explicit resolvers win over those <see cref="BindType{T}"/> derives, and those over the default
/// resolver. Fields of the subscription type need a subscriber; their resolver is optional (without one, each event is
/// the field's value).
/// </remarks>
public sealed class SchemaBuilder
{
    private readonly List<DocumentNode> _documents = [];
    private readonly List<GraphQLError> _parseProblems = [];
    private readonly List<(string Coordinate, FieldResolver Resolver)> _resolvers = [];
    private readonly List<(string Coordinate, SubscriptionResolver Subscriber)> _subscribers = [];
    private readonly List<(string TypeName, TypeResolver Resolver)> _typeResolvers = [];
    private readonly List<(string TypeName, Type ClrType)> _typeBindings = [];
    private readonly List<(string TypeName, Type ClrType)> _enumBindings = [];
    private readonly List<(string TypeName, Type ClrType)> _inputBindings = [];
    private readonly List<ScalarType> _scalars = [];
    private readonly List<IFieldWrapper> _fieldWrappers = [];
    private FieldResolver? _defaultResolver;

    /// <summary>Starts from SDL text; more documents (with <c>extend</c>) may follow with <see cref="AddSdl"/>.</summary>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    public SchemaBuilder AddSdl(string sdl)
    {
        var name = _documents.Count + _parseProblems.Count == 0 ? "SDL" : $"SDL document {_documents.Count + _parseProblems.Count + 1}";
        try
        {
            _documents.Add(Parser.Parse(new Source(sdl, name)));
        }
        catch (GraphQLError error)
        {
            _parseProblems.Add(error);
        }

        return this;
    }

    /// <summary>Binds a resolver to the field at <paramref name="coordinate"/> (<c>"Query.me"</c>).</summary>
    public SchemaBuilder Resolve(string coordinate, FieldResolver resolver)
    {
        _resolvers.Add((coordinate, resolver));
        return this;
    }

    /// <summary>Binds the source-stream resolver of a subscription field.</summary>
    public SchemaBuilder Subscribe(string coordinate, SubscriptionResolver subscriber)
    {
        _subscribers.Add((coordinate, subscriber));
        return this;
    }

    /// <summary>Binds how an interface or union names the object type of a runtime value.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers.Add((abstractTypeName, resolver));
        return this;
    }

    /// <summary>Binds a .NET type to an object type: its public properties and methods resolve same-named (camelCase) fields.</summary>
    /// <remarks>
    /// Methods may take a <see cref="ResolveContext"/> and a <see cref="CancellationToken"/> and may return a value, a Task
    /// or a ValueTask. Members that match no field are ignored. The binding also lets interfaces and unions recognise
    /// values of <typeparamref name="T"/> (or of types derived from it) as this object type.
    /// </remarks>
    public SchemaBuilder BindType<T>(string objectTypeName)
    {
        _typeBindings.Add((objectTypeName, typeof(T)));
        return this;
    }

    /// <summary>Maps an enum type's values to the members of a .NET enum (by name, SCREAMING_CASE or as written).</summary>
    public SchemaBuilder BindEnum<TEnum>(string enumTypeName)
        where TEnum : struct, Enum
    {
        _enumBindings.Add((enumTypeName, typeof(TEnum)));
        return this;
    }

    /// <summary>Maps an input object type to a .NET type that resolvers receive as the argument value.</summary>
    /// <remarks>
    /// The value is built through the public constructor whose parameters match fields (by camelCase name), then the
    /// settable properties matching the other fields; nested input objects, lists, enums and nullables are converted.
    /// </remarks>
    public SchemaBuilder BindInput<T>(string inputTypeName)
    {
        _inputBindings.Add((inputTypeName, typeof(T)));
        return this;
    }

    /// <summary>Supplies the implementation of a <c>scalar</c> the SDL declares.</summary>
    /// <remarks>The schema takes the instance as its own: the SDL's description and @specifiedBy are set on it.</remarks>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        _scalars.Add(scalar);
        return this;
    }

    /// <summary>Resolver for every field nothing else binds (like graphql-js's fieldResolver); without it such fields fail the build.</summary>
    public SchemaBuilder UseDefaultResolver(FieldResolver resolver)
    {
        _defaultResolver = resolver;
        return this;
    }

    /// <summary>
    /// Wraps every field's resolver (and every subscription field's source stream) once all bindings are applied;
    /// wrappers given earlier wrap first, so the last one given runs outermost.
    /// </summary>
    public SchemaBuilder WrapFields(IFieldWrapper wrapper)
    {
        _fieldWrappers.Add(wrapper);
        return this;
    }

    /// <summary>Builds the schema; throws a <see cref="SchemaBuildException"/> listing every problem when it cannot.</summary>
    public Schema Build()
    {
        var problems = new List<GraphQLError>(_parseProblems);
        if (problems.Count > 0)
        {
            throw new SchemaBuildException(problems);
        }

        var document = Combine(_documents);
        problems.AddRange(Validator.ValidateSdl(document));
        if (problems.Count > 0)
        {
            // As graphql-js's buildASTSchema does, SDL that breaks the document rules is not built at all.
            throw new SchemaBuildException(problems);
        }

        var scalars = CollectScalars(problems);
        var factory = new SdlTypeFactory(document, scalars, problems);
        factory.BuildTypes();
        foreach (var scalar in _scalars)
        {
            if (!factory.DeclaredScalars.Contains(scalar.Name) && !SpecifiedScalars.TryGet(scalar.Name, out _))
            {
                problems.Add(new GraphQLError(
                    $"Scalar \"{scalar.Name}\" was given to AddScalar, but the SDL declares no scalar \"{scalar.Name}\"."));
            }
        }

        if (problems.Count > 0)
        {
            // The SDL itself is broken: what depends on its types would only add noise.
            throw new SchemaBuildException(problems);
        }

        var binding = new SchemaBinding(factory, problems);
        binding.BindEnums(_enumBindings);
        binding.BindInputs(_inputBindings);
        factory.ComputeDefaultValues();

        Schema schema;
        try
        {
            schema = factory.CreateSchema();
        }
        catch (InvalidOperationException exception)
        {
            problems.Add(new GraphQLError(exception.Message));
            throw new SchemaBuildException(problems);
        }

        foreach (var error in SchemaValidator.Validate(schema))
        {
            // A query root of the wrong kind was reported already; the schema then has none.
            if (!(factory.QueryRootIsInvalid && error.Message == SchemaValidator.MissingQueryRootMessage))
            {
                problems.Add(error);
            }
        }

        binding.BindResolvers(schema, _resolvers);
        binding.BindSubscribers(schema, _subscribers);
        binding.BindTypes(schema, _typeBindings);
        binding.BindTypeResolvers(schema, _typeResolvers);
        binding.Complete(schema, _defaultResolver);
        if (problems.Count == 0)
        {
            // Fields without resolvers were reported already: wrappers see complete fields only.
            binding.WrapFields(schema, _fieldWrappers);
        }

        if (problems.Count > 0)
        {
            throw new SchemaBuildException(problems);
        }

        return schema;
    }

    private static DocumentNode Combine(List<DocumentNode> documents)
    {
        if (documents.Count == 1)
        {
            return documents[0];
        }

        var definitions = new List<DefinitionNode>();
        foreach (var document in documents)
        {
            definitions.AddRange(document.Definitions);
        }

        return new DocumentNode { Definitions = definitions };
    }

    private Dictionary<string, ScalarType> CollectScalars(List<GraphQLError> problems)
    {
        var scalars = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
        foreach (var scalar in _scalars)
        {
            if (SpecifiedScalars.TryGet(scalar.Name, out _))
            {
                problems.Add(new GraphQLError($"Scalar \"{scalar.Name}\" is built in and cannot be replaced with AddScalar."));
            }
            else if (!scalars.TryAdd(scalar.Name, scalar))
            {
                problems.Add(new GraphQLError($"Scalar \"{scalar.Name}\" was given to AddScalar twice."));
            }
        }

        return scalars;
    }
}
