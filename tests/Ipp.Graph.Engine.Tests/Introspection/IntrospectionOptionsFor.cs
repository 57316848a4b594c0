using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>The option sets the oracle tests run the introspection query with.</summary>
internal static class IntrospectionOptionsFor
{
    public static IntrospectionOptions EverythingOn { get; } = new()
    {
        Descriptions = true,
        SpecifiedByUrl = true,
        DirectiveIsRepeatable = true,
        SchemaDescription = true,
        InputValueDeprecation = true,
        ExperimentalDirectiveDeprecation = true,
        OneOf = true,
    };

    public static IntrospectionOptions EverythingOff { get; } = new()
    {
        Descriptions = false,
        SpecifiedByUrl = false,
        DirectiveIsRepeatable = false,
        SchemaDescription = false,
        InputValueDeprecation = false,
        ExperimentalDirectiveDeprecation = false,
        OneOf = false,
    };
}
