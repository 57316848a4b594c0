using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void An_anonymous_operation_alone_with_fragments_is_valid()
    {
        Assert.Empty(Errors(Schema, "{ dog { ...F } } fragment F on Dog { name }", c => new LoneAnonymousOperationRule(c)));
    }

    [Fact]
    public void Anonymous_operations_beside_other_operations_are_reported()
    {
        const string document = """
            { dog { name } }
            query Foo { dog { name } }
            { cat { name } }
            """;
        Assert.Equal(
            [
                "This anonymous operation must be the only defined operation. @ 1:1",
                "This anonymous operation must be the only defined operation. @ 3:1",
            ],
            Errors(Schema, document, c => new LoneAnonymousOperationRule(c)));
    }
}
