using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>
/// The fields every operation may select without the schema declaring them: <c>__schema</c> and <c>__type</c> on
/// the query root, <c>__typename</c> on any object, interface or union. They belong to no type.
/// </summary>
internal static class MetaFields
{
    public static FieldDefinition CreateSchemaField(ObjectType schema) => Field(
        "__schema",
        NonNull(schema),
        static context => new(context.Schema),
        "The schema being queried: its types, directives and root types.");

    public static FieldDefinition CreateTypeField(ObjectType type) => Field(
        "__type",
        type,
        static context => new(
            context.Arguments.TryGetValue("name", out var name) && name is string typeName ? context.Schema.GetType(typeName) : null),
        "The named type of the schema; null when the schema has no type of that name.",
        new ArgumentDefinition("name", NonNull(SpecifiedScalars.String)));

    public static FieldDefinition CreateTypeNameField() => Field(
        "__typename",
        NonNull(SpecifiedScalars.String),
        static context => new(context.ParentType.Name),
        "The name of the object type of the value this field is selected on.");
}
