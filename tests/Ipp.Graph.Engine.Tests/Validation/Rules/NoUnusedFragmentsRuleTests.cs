using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void Fragments_used_directly_or_through_other_fragments_are_valid()
    {
        const string document = """
            query Foo { human(id: 4) { ...HumanFields1 } }
            query Bar { human(id: 4) { ...HumanFields2 } }
            fragment HumanFields1 on Human { name ...HumanFields3 }
            fragment HumanFields2 on Human { name }
            fragment HumanFields3 on Human { name }
            """;
        Assert.Empty(Errors(Schema, document, c => new NoUnusedFragmentsRule(c)));
    }

    [Fact]
    public void Fragments_no_operation_reaches_are_reported_even_when_other_unused_fragments_spread_them()
    {
        const string document = """
            query Foo { human(id: 4) { ...HumanFields1 } }
            query Bar { human(id: 4) { ...HumanFields2 } }
            fragment HumanFields1 on Human { name ...HumanFields3 }
            fragment HumanFields2 on Human { name }
            fragment HumanFields3 on Human { name }
            fragment Unused1 on Human { name }
            fragment Unused2 on Human { name ...Unused1 }
            """;
        Assert.Equal(
            [
                "Fragment \"Unused1\" is never used. @ 6:1",
                "Fragment \"Unused2\" is never used. @ 7:1",
            ],
            Errors(Schema, document, c => new NoUnusedFragmentsRule(c)));
    }
}
