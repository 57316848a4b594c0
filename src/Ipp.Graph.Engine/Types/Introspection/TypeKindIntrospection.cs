namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__TypeKind</c>: the enum naming what a <c>__Type</c> is; its internal values are <see cref="TypeKind"/> members.</summary>
internal static class TypeKindIntrospection
{
    public static EnumType CreateType()
    {
        var type = new EnumType("__TypeKind", "Which kind of type a `__Type` describes, and so which of its fields apply.")
        {
            IsBuiltIn = true,
        };
        type.SetValues(
        [
            Value("SCALAR", TypeKind.Scalar, "A scalar: a leaf value such as a string or a number."),
            Value("OBJECT", TypeKind.Object, "An object type: `fields` and `interfaces` apply."),
            Value("INTERFACE", TypeKind.Interface, "An interface: `fields`, `interfaces` and `possibleTypes` apply."),
            Value("UNION", TypeKind.Union, "A union: `possibleTypes` applies."),
            Value("ENUM", TypeKind.Enum, "An enum: `enumValues` applies."),
            Value("INPUT_OBJECT", TypeKind.InputObject, "An input object type: `inputFields` applies."),
            Value("LIST", TypeKind.List, "A list wrapper: `ofType` is the type of its items."),
            Value("NON_NULL", TypeKind.NonNull, "A non-null wrapper: `ofType` is the type it makes non-null."),
        ]);
        return type;
    }

    private static EnumValueDefinition Value(string name, TypeKind kind, string description) =>
        new(name, IntrospectionValues.Box(kind), description);
}
