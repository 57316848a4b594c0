using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// What a resolver gets: the parent value, the field being resolved with its coerced arguments, and the request.
/// A small struct, so resolving a field allocates nothing for it.
/// </summary>
public readonly struct ResolveContext
{
    internal ResolveContext(
        object? parent,
        FieldDefinition field,
        ObjectType parentType,
        IReadOnlyDictionary<string, object?> arguments,
        RequestContext request,
        Schema schema)
    {
        Parent = parent;
        Field = field;
        ParentType = parentType;
        Arguments = arguments;
        Request = request;
        Schema = schema;
    }

    /// <summary>The value of the object this field belongs to (the root value for root fields).</summary>
    public object? Parent { get; }

    public FieldDefinition Field { get; }

    public ObjectType ParentType { get; }

    /// <summary>The field's arguments, coerced; an argument is absent when it was not given and has no default.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public RequestContext Request { get; }

    /// <summary>The schema being executed (what the introspection fields <c>__schema</c> and <c>__type</c> describe).</summary>
    public Schema Schema { get; }

    public CancellationToken CancellationToken => Request.CancellationToken;

    /// <summary>The parent value as <typeparamref name="T"/>.</summary>
    public T ParentAs<T>() => (T)Parent!;
}
