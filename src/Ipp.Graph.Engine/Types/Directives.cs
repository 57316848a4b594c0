namespace Ipp.Graph.Engine.Types;

/// <summary>The directives the spec defines: @skip, @include, @deprecated, @specifiedBy, @oneOf.</summary>
public static class Directives
{
    /// <summary>The reason @deprecated gives when none is written.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Skip => throw new NotImplementedException();

    public static DirectiveDefinition Include => throw new NotImplementedException();

    public static DirectiveDefinition Deprecated => throw new NotImplementedException();

    public static DirectiveDefinition SpecifiedBy => throw new NotImplementedException();

    public static DirectiveDefinition OneOf => throw new NotImplementedException();

    /// <summary>All five, in that order.</summary>
    public static IReadOnlyList<DirectiveDefinition> Specified => throw new NotImplementedException();
}
