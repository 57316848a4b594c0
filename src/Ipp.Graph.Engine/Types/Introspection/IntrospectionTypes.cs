namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>
/// The introspection types (<c>__Schema</c>, <c>__Type</c>, ...) that every schema contains, and the meta-fields
/// <c>__schema</c>, <c>__type</c> (on the query type) and <c>__typename</c> (on every composite type).
/// </summary>
/// <remarks>
/// The types, their fields, arguments, defaults and nullability are those of graphql-js 16.15; the descriptions are
/// our own. Every resolver completes synchronously and allocates nothing on the common paths: the lists it returns
/// are the schema's own, or filtered copies cached per list.
/// </remarks>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        var typeKind = TypeKindIntrospection.CreateType();
        var directiveLocation = DirectiveLocationIntrospection.CreateType();
        var schema = SchemaIntrospection.CreateType();
        var directive = DirectiveIntrospection.CreateType();
        var type = TypeIntrospection.CreateType();
        var field = FieldIntrospection.CreateType();
        var inputValue = InputValueIntrospection.CreateType();
        var enumValue = EnumValueIntrospection.CreateType();

        SchemaIntrospection.DefineFields(schema, type, directive);
        DirectiveIntrospection.DefineFields(directive, directiveLocation, inputValue);
        TypeIntrospection.DefineFields(type, typeKind, field, inputValue, enumValue);
        FieldIntrospection.DefineFields(field, type, inputValue);
        InputValueIntrospection.DefineFields(inputValue, type);
        EnumValueIntrospection.DefineFields(enumValue);

        Types = [schema, directive, directiveLocation, type, field, inputValue, enumValue, typeKind];
        SchemaMetaField = MetaFields.CreateSchemaField(schema);
        TypeMetaField = MetaFields.CreateTypeField(type);
        TypeNameMetaField = MetaFields.CreateTypeNameField();
    }

    /// <summary>Every introspection type, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<NamedType> Types { get; }

    /// <summary><c>__schema: __Schema!</c>.</summary>
    public static FieldDefinition SchemaMetaField { get; }

    /// <summary><c>__type(name: String!): __Type</c>.</summary>
    public static FieldDefinition TypeMetaField { get; }

    /// <summary><c>__typename: String!</c>.</summary>
    public static FieldDefinition TypeNameMetaField { get; }

    /// <summary>True for one of the introspection types, matched by name as graphql-js's isIntrospectionType does.</summary>
    public static bool IsIntrospectionType(NamedType type)
    {
        foreach (var introspectionType in Types)
        {
            if (introspectionType.Name == type.Name)
            {
                return true;
            }
        }

        return false;
    }
}
