using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>The spec's directives: names, locations, arguments and order.</summary>
public class DirectivesTests
{
    [Fact]
    public void Specified_are_in_graphql_js_order_and_built_in()
    {
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], Directives.Specified.Select(d => d.Name));
        Assert.All(Directives.Specified, d => Assert.True(d.IsBuiltIn));
        Assert.All(Directives.Specified, d => Assert.False(d.IsRepeatable));
        Assert.All(Directives.Specified, d => Assert.False(string.IsNullOrEmpty(d.Description)));
    }

    [Fact]
    public void Include_and_skip_take_a_required_boolean()
    {
        foreach (var directive in new[] { Directives.Include, Directives.Skip })
        {
            Assert.Equal([DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT], directive.Locations);
            var argument = Assert.Single(directive.Arguments);
            Assert.Equal("if", argument.Name);
            Assert.Equal("Boolean!", argument.Type.ToString());
            Assert.Same(SpecifiedScalars.Boolean, argument.Type.Named);
            Assert.False(argument.HasDefaultValue);
        }
    }

    [Fact]
    public void Deprecated_has_a_default_reason()
    {
        Assert.Equal(
            [
                DirectiveLocation.FIELD_DEFINITION,
                DirectiveLocation.ARGUMENT_DEFINITION,
                DirectiveLocation.INPUT_FIELD_DEFINITION,
                DirectiveLocation.ENUM_VALUE,
                DirectiveLocation.DIRECTIVE_DEFINITION,
            ],
            Directives.Deprecated.Locations);
        var reason = Assert.Single(Directives.Deprecated.Arguments);
        Assert.Equal("reason", reason.Name);
        Assert.Same(SpecifiedScalars.String, reason.Type);
        Assert.True(reason.HasDefaultValue);
        Assert.Equal("No longer supported", reason.DefaultValue);
        Assert.Equal(Directives.DefaultDeprecationReason, reason.DefaultValue);
    }

    [Fact]
    public void SpecifiedBy_takes_a_url_and_oneOf_takes_nothing()
    {
        Assert.Equal([DirectiveLocation.SCALAR], Directives.SpecifiedBy.Locations);
        var url = Assert.Single(Directives.SpecifiedBy.Arguments);
        Assert.Equal("url", url.Name);
        Assert.Equal("String!", url.Type.ToString());
        Assert.Equal([DirectiveLocation.INPUT_OBJECT], Directives.OneOf.Locations);
        Assert.Empty(Directives.OneOf.Arguments);
        Assert.Same(Directives.Deprecated, Directives.Specified[2]);
    }

    [Fact]
    public void IsSpecified_matches_by_name()
    {
        Assert.True(Directives.IsSpecified(new DirectiveDefinition("skip", [DirectiveLocation.FIELD])));
        Assert.False(Directives.IsSpecified(new DirectiveDefinition("auth", [DirectiveLocation.FIELD])));
    }
}
