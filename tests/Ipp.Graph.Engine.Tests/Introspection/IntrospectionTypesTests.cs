using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;
using MetaTypes = Ipp.Graph.Engine.Types.Introspection.IntrospectionTypes;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>The introspection types and meta-fields themselves, and the no-allocation paths of their resolvers.</summary>
public sealed class IntrospectionTypesTests
{
    [Fact]
    public void Lists_the_introspection_types_in_graphql_js_order_as_built_in()
    {
        Assert.Equal(
            ["__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"],
            MetaTypes.Types.Select(type => type.Name));
        Assert.All(MetaTypes.Types, type => Assert.True(type.IsBuiltIn));
    }

    [Fact]
    public void Declares_the_meta_fields()
    {
        Assert.Equal("__schema: __Schema!", Signature(MetaTypes.SchemaMetaField));
        Assert.Equal("__type(name: String!): __Type", Signature(MetaTypes.TypeMetaField));
        Assert.Equal("__typename: String!", Signature(MetaTypes.TypeNameMetaField));
    }

    [Fact]
    public void Maps_type_kinds_and_directive_locations_to_their_dotnet_enums()
    {
        var typeKind = (EnumType)MetaTypes.Types.Single(type => type.Name == "__TypeKind");
        Assert.Equal("INPUT_OBJECT", typeKind.GetValueByInternal(TypeKind.InputObject)?.Name);
        Assert.Equal("NON_NULL", typeKind.GetValueByInternal(TypeKind.NonNull)?.Name);
        Assert.Equal(Enum.GetValues<TypeKind>().Length, typeKind.Values.Count);

        var location = (EnumType)MetaTypes.Types.Single(type => type.Name == "__DirectiveLocation");
        Assert.Equal(Enum.GetNames<DirectiveLocation>(), location.Values.Select(value => value.Name));
        Assert.All(location.Values, value => Assert.Equal(value.Name, value.Value.ToString()));
    }

    [Fact]
    public void Filters_deprecated_items_into_one_cached_copy_and_returns_lists_without_any_as_they_are()
    {
        var current = new EnumValueDefinition("CURRENT", "CURRENT");
        var old = new EnumValueDefinition("OLD", "OLD") { DeprecationReason = "Gone." };
        IReadOnlyList<EnumValueDefinition> mixed = [current, old];
        IReadOnlyList<EnumValueDefinition> clean = [current];

        var filtered = IntrospectionValues.Filter(mixed, includeDeprecated: false, static value => value.IsDeprecated);

        Assert.Equal([current], filtered);
        Assert.Same(filtered, IntrospectionValues.Filter(mixed, includeDeprecated: false, static value => value.IsDeprecated));
        Assert.Same(mixed, IntrospectionValues.Filter(mixed, includeDeprecated: true, static value => value.IsDeprecated));
        Assert.Same(clean, IntrospectionValues.Filter(clean, includeDeprecated: false, static value => value.IsDeprecated));
    }

    private static string Signature(FieldDefinition field)
    {
        var arguments = field.Arguments.Count == 0
            ? ""
            : "(" + string.Join(", ", field.Arguments.Select(argument => argument.Name + ": " + argument.Type)) + ")";
        return field.Name + arguments + ": " + field.Type;
    }
}
