using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// One response entry of a selection-set plan: the merged field nodes sharing a response name, the field they
/// select, its resolver and its arguments. Arguments written without variables are coerced once, when the plan
/// is built; those with variables are coerced once per request (see <see cref="DynamicArgumentSlot"/>).
/// The plans of the field's sub-selections are built on first use, one per runtime object type.
/// </summary>
internal sealed class FieldPlan
{
    private readonly PlanBuilder _builder;
    private SelectionSetPlan? _firstChild;
    private SelectionSetPlan[] _otherChildren = [];
    private IReadOnlyList<SourceLocation>? _locations;

    public FieldPlan(
        PlanBuilder builder,
        ObjectType parentType,
        FieldDefinition definition,
        FieldNode[] nodes,
        int index,
        FieldResolver resolver,
        FieldKind kind)
    {
        _builder = builder;
        ParentType = parentType;
        Definition = definition;
        Nodes = nodes;
        Index = index;
        Resolver = resolver;
        Kind = kind;
        PropertyGetter = kind == FieldKind.Resolve ? definition.PropertyGetter : null;
        ResponseName = nodes[0].ResponseName;
        EncodedName = JsonEncodedText.Encode(ResponseName);
        JsonMember = [(byte)',', (byte)'"', .. EncodedName.EncodedUtf8Bytes, (byte)'"', (byte)':'];
        Type = definition.Type;
        IsNonNull = Type is NonNullType;
        Completion = CompletionPlan.Of(Type);
    }

    public readonly string ResponseName;

    /// <summary>The response name, JSON-encoded once for the writer.</summary>
    public readonly JsonEncodedText EncodedName;

    /// <summary>
    /// <c>,"name":</c> in UTF-8, for the direct writer of data: the member after another one, or (without its comma)
    /// the first. Response names are GraphQL names, which JSON never escapes.
    /// </summary>
    public readonly byte[] JsonMember;

    public readonly FieldDefinition Definition;

    public readonly GraphQLType Type;

    public readonly bool IsNonNull;

    /// <summary>How the field's values are completed.</summary>
    public readonly CompletionPlan Completion;

    public readonly ObjectType ParentType;

    public readonly FieldNode[] Nodes;

    /// <summary>Position in the owning plan, which is also the slot of the result object.</summary>
    public readonly int Index;

    public readonly FieldResolver Resolver;

    /// <summary>When the resolver reads a bound .NET property: that read, called instead of the resolver.</summary>
    public readonly Func<object?, object?>? PropertyGetter;

    /// <summary>How the field gets its value: most call <see cref="Resolver"/>.</summary>
    public readonly FieldKind Kind;

    /// <summary>The coerced arguments when they contain no variables (and coercion succeeded).</summary>
    public IReadOnlyDictionary<string, object?>? StaticArguments { get; init; }

    /// <summary>The error coercing argument literals produced; raised each time the field executes.</summary>
    public GraphQLError? StaticArgumentError { get; init; }

    /// <summary>Index of the request's cache of arguments coerced with variables; -1 when arguments are static.</summary>
    public int DynamicArgumentSlot { get; init; } = -1;

    /// <summary>Where the field's nodes start in the document (computed when first needed, for errors).</summary>
    public IReadOnlyList<SourceLocation>? Locations => _locations ??= GraphQLError.LocationsOf(Nodes) ?? [];

    /// <summary>The plan of this field's sub-selection for a runtime object type, built on first use.</summary>
    public SelectionSetPlan GetChildPlan(ObjectType runtimeType)
    {
        var first = Volatile.Read(ref _firstChild);
        if (first is not null && ReferenceEquals(first.Type, runtimeType))
        {
            return first;
        }

        foreach (var other in Volatile.Read(ref _otherChildren))
        {
            if (ReferenceEquals(other.Type, runtimeType))
            {
                return other;
            }
        }

        return AddChildPlan(runtimeType);
    }

    private SelectionSetPlan AddChildPlan(ObjectType runtimeType)
    {
        // Concurrent requests may build the same plan twice; plans are equivalent, so the first one stored wins.
        var built = _builder.BuildSubPlan(runtimeType, Nodes);
        if (Interlocked.CompareExchange(ref _firstChild, built, null) is null)
        {
            return built;
        }

        while (true)
        {
            var current = Volatile.Read(ref _otherChildren);
            foreach (var other in current)
            {
                if (ReferenceEquals(other.Type, runtimeType))
                {
                    return other;
                }
            }

            if (ReferenceEquals(_firstChild!.Type, runtimeType))
            {
                return _firstChild;
            }

            SelectionSetPlan[] extended = [.. current, built];
            if (ReferenceEquals(Interlocked.CompareExchange(ref _otherChildren, extended, current), current))
            {
                return built;
            }
        }
    }

    public override string ToString() => ParentType.Name + "." + Definition.Name;
}

/// <summary>How a field gets its value.</summary>
internal enum FieldKind : byte
{
    /// <summary>From its resolver.</summary>
    Resolve,

    /// <summary><c>__typename</c>: the parent type's name, without calling a resolver.</summary>
    TypeName,

    /// <summary>
    /// A root field of a subscription without a resolver: when an event executes, its value is the event itself;
    /// when the operation executes as a query (as graphql-js's execute does), the default resolver's.
    /// </summary>
    SubscriptionEvent,
}
