using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Spreads_of_defined_fragments_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "{ human(id: 4) { ...H1 ... on Human { ...H2 } } } fragment H1 on Human { name ...H2 } fragment H2 on Human { name }",
            c => new KnownFragmentNamesRule(c)));
    }

    [Fact]
    public void Spreads_of_undefined_fragments_are_reported_at_their_names()
    {
        const string document = """
            { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } ...Unknown1 } }
            fragment HumanFields1 on Human { name ...UnknownFields2 }
            fragment HumanFields2 on Human { name }
            """;
        Assert.Equal(
            [
                "Unknown fragment \"Unknown1\". @ 1:70",
                "Unknown fragment \"UnknownFields2\". @ 2:42",
            ],
            Errors(Schema, document, c => new KnownFragmentNamesRule(c)));
    }
}
