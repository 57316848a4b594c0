using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Execution.Values;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// What a resolver gets: the parent value, the field being resolved with its coerced arguments, and the request.
/// A small struct, so resolving a field allocates nothing for it.
/// </summary>
public readonly struct ResolveContext
{
    private readonly FieldPlan _field;
    private readonly ResultObject _owner;
    private readonly ExecutionState _state;

    internal ResolveContext(
        object? parent,
        FieldPlan field,
        ResultObject owner,
        IReadOnlyDictionary<string, object?> arguments,
        ExecutionState state)
    {
        Parent = parent;
        Arguments = arguments;
        _field = field;
        _owner = owner;
        _state = state;
    }

    /// <summary>The value of the object this field belongs to (the root value for root fields).</summary>
    public object? Parent { get; }

    /// <summary>The field being resolved.</summary>
    public FieldDefinition Field => _field.Definition;

    /// <summary>The object type the field is resolved on (for interface fields, the runtime object type).</summary>
    public ObjectType ParentType => _field.ParentType;

    /// <summary>The field's type (<see cref="Field"/>'s type).</summary>
    public GraphQLType ReturnType => _field.Type;

    /// <summary>The key of this field in the response: its alias, or its name.</summary>
    public string ResponseName => _field.ResponseName;

    /// <summary>The field's arguments, coerced; an argument is absent when it was not given and has no default.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>What every resolver of the request shares: the caller, services, data loaders.</summary>
    public RequestContext Request => _state.Request;

    /// <summary>
    /// A number that identifies this execution among every execution in the process (each event of a subscription is
    /// one): the key of what a host computes once per execution, such as whether the caller's session is live.
    /// </summary>
    public long ExecutionId => _state.Id;

    /// <summary>Cancelled when the client goes away or the request exceeds its execution time.</summary>
    public CancellationToken CancellationToken => _state.CancellationToken;

    /// <summary>The response path of this field: keys and list indices from the root (computed when asked).</summary>
    public IReadOnlyList<object> Path => _owner.PathOf(_field.Index);

    /// <summary>The nodes of the document selecting this field under its response name (several when merged).</summary>
    public IReadOnlyList<FieldNode> FieldNodes => _field.Nodes;

    /// <summary>The operation's variables, coerced.</summary>
    public IReadOnlyDictionary<string, object?> Variables => _state.Variables;

    /// <summary>The operation being executed.</summary>
    public OperationDefinitionNode Operation => _state.Operation;

    /// <summary>The fragments of the request's document, by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => _state.Fragments;

    /// <summary>The schema being executed (what the introspection fields <c>__schema</c> and <c>__type</c> describe).</summary>
    public Schema Schema => _state.Schema;

    /// <summary>The value root fields resolve against (the event, for a subscription's events).</summary>
    public object? RootValue => _state.RootValue;

    internal FieldPlan Plan => _field;

    internal ResultObject Owner => _owner;

    /// <summary>The parent value as <typeparamref name="T"/>.</summary>
    public T ParentAs<T>() => (T)Parent!;

    /// <summary>
    /// The argument converted to <typeparamref name="T"/>: input objects through their bound type's factory,
    /// enums to their bound .NET enum, numbers to the numeric type asked for, lists to arrays or lists.
    /// Throws a <see cref="Error.GraphQLError"/> when the field has no such argument, or when the argument has
    /// no value and <typeparamref name="T"/> cannot be null.
    /// </summary>
    public T GetArgument<T>(string name)
    {
        var definition = ArgumentConversion.GetDefinition(_field.Definition, name);
        if (Arguments.TryGetValue(name, out var value))
        {
            return ArgumentConversion.Convert<T>(value, definition);
        }

        return ArgumentConversion.Absent<T>(_field.Definition, name);
    }

    /// <summary>The argument converted as <see cref="GetArgument{T}"/> does; false when it has no value.</summary>
    public bool TryGetArgument<T>(string name, out T value)
    {
        var definition = ArgumentConversion.GetDefinition(_field.Definition, name);
        if (Arguments.TryGetValue(name, out var raw))
        {
            value = ArgumentConversion.Convert<T>(raw, definition);
            return true;
        }

        value = default!;
        return false;
    }
}
