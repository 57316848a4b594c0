namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>
/// <c>__DirectiveLocation</c>: the places in a document or schema where a directive may appear; its internal values
/// are <see cref="DirectiveLocation"/> members.
/// </summary>
internal static class DirectiveLocationIntrospection
{
    public static EnumType CreateType()
    {
        var type = new EnumType("__DirectiveLocation", "A place in an operation or a type system definition where a directive may be written.")
        {
            IsBuiltIn = true,
        };
        type.SetValues(
        [
            Value(DirectiveLocation.QUERY, "On a query operation."),
            Value(DirectiveLocation.MUTATION, "On a mutation operation."),
            Value(DirectiveLocation.SUBSCRIPTION, "On a subscription operation."),
            Value(DirectiveLocation.FIELD, "On a field selection."),
            Value(DirectiveLocation.FRAGMENT_DEFINITION, "On a fragment definition."),
            Value(DirectiveLocation.FRAGMENT_SPREAD, "On a fragment spread."),
            Value(DirectiveLocation.INLINE_FRAGMENT, "On an inline fragment."),
            Value(DirectiveLocation.VARIABLE_DEFINITION, "On a variable definition."),
            Value(DirectiveLocation.SCHEMA, "On the schema definition."),
            Value(DirectiveLocation.SCALAR, "On a scalar type definition."),
            Value(DirectiveLocation.OBJECT, "On an object type definition."),
            Value(DirectiveLocation.FIELD_DEFINITION, "On the definition of a field of an object or interface type."),
            Value(DirectiveLocation.ARGUMENT_DEFINITION, "On the definition of an argument."),
            Value(DirectiveLocation.INTERFACE, "On an interface type definition."),
            Value(DirectiveLocation.UNION, "On a union type definition."),
            Value(DirectiveLocation.ENUM, "On an enum type definition."),
            Value(DirectiveLocation.ENUM_VALUE, "On the definition of an enum value."),
            Value(DirectiveLocation.INPUT_OBJECT, "On an input object type definition."),
            Value(DirectiveLocation.INPUT_FIELD_DEFINITION, "On the definition of an input object field."),
            Value(DirectiveLocation.DIRECTIVE_DEFINITION, "On a directive definition."),
        ]);
        return type;
    }

    private static EnumValueDefinition Value(DirectiveLocation location, string description) =>
        new(location.ToString(), IntrospectionValues.Box(location), description);
}
