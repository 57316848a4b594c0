using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// How the values of one output type are completed, worked out once per field plan: completing a value then
/// branches on <see cref="Kind"/> instead of testing the type's class (and its wrappers') at every value.
/// </summary>
internal sealed class CompletionPlan
{
    private CompletionPlan(GraphQLType type, bool isNonNull, CompletionKind kind, CompletionPlan? item)
    {
        Type = type;
        IsNonNull = isNonNull;
        Kind = kind;
        Item = item;
    }

    /// <summary>The type without its non-null wrapper: a named type, or a list.</summary>
    public readonly GraphQLType Type;

    public readonly bool IsNonNull;

    public readonly CompletionKind Kind;

    /// <summary>For a list: how its items are completed.</summary>
    public readonly CompletionPlan? Item;

    /// <summary>
    /// For an interface or union: the last type name its type resolver gave that was found valid, with the object
    /// type it names. A resolver naming types by constant strings (as bound types' resolvers do) gives the same string
    /// again, which then costs no look-up in the schema: one reference, replaced whole, so a reader sees a matching pair.
    /// </summary>
    private RuntimeTypeName? _lastRuntimeType;

    /// <summary>The object type of a name this plan's type resolver gave before and that was found valid; null otherwise.</summary>
    public ObjectType? RuntimeTypeNamed(string? typeName) =>
        Volatile.Read(ref _lastRuntimeType) is { } last && ReferenceEquals(last.Name, typeName) ? last.Type : null;

    /// <summary>Remembers a valid name the type resolver gave (<see cref="RuntimeTypeNamed"/>).</summary>
    public void RememberRuntimeType(string typeName, ObjectType type) => Volatile.Write(ref _lastRuntimeType, new RuntimeTypeName(typeName, type));

    public static CompletionPlan Of(GraphQLType type)
    {
        var isNonNull = type is NonNullType;
        var nullable = type is NonNullType nonNull ? nonNull.OfType : type;
        return nullable switch
        {
            ListType list => new CompletionPlan(nullable, isNonNull, CompletionKind.List, Of(list.OfType)),
            ScalarType scalar => new CompletionPlan(nullable, isNonNull, KindOf(scalar), null),
            EnumType => new CompletionPlan(nullable, isNonNull, CompletionKind.Enum, null),
            ObjectType => new CompletionPlan(nullable, isNonNull, CompletionKind.Object, null),
            _ => new CompletionPlan(nullable, isNonNull, CompletionKind.Abstract, null),
        };
    }

    /// <summary>The built-in scalars whose output of their own internal value is that value (graphql-js's serialize of one).</summary>
    private static CompletionKind KindOf(ScalarType scalar) =>
        ReferenceEquals(scalar, SpecifiedScalars.String) || ReferenceEquals(scalar, SpecifiedScalars.ID) ? CompletionKind.StringOrId
        : ReferenceEquals(scalar, SpecifiedScalars.Int) ? CompletionKind.Int
        : ReferenceEquals(scalar, SpecifiedScalars.Boolean) ? CompletionKind.Boolean
        : scalar is DateTimeScalar ? CompletionKind.DateTime
        : CompletionKind.Scalar;
}

/// <summary>A type name a type resolver gave, and the possible object type it names.</summary>
internal sealed record RuntimeTypeName(string Name, ObjectType Type);

/// <summary>What completing a value of a type does.</summary>
internal enum CompletionKind : byte
{
    /// <summary>The built-in String or ID: a string is written as it is; other values through the scalar's Serialize.</summary>
    StringOrId,

    /// <summary>The built-in Int: an int is written as it is; other values through Serialize.</summary>
    Int,

    /// <summary>The built-in Boolean: a bool is written as it is; other values through Serialize.</summary>
    Boolean,

    /// <summary>
    /// A <see cref="DateTimeScalar"/>: a DateTimeOffset or DateTime is kept as the instant, which the response writers
    /// format (<c>Engine/UtcInstant</c>); other values through Serialize.
    /// </summary>
    DateTime,

    /// <summary>Any other scalar: its Serialize.</summary>
    Scalar,

    Enum,

    List,

    Object,

    /// <summary>An interface or union: the value's object type is resolved first.</summary>
    Abstract,
}
