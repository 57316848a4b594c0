using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class NoUnusedVariablesRuleTests
{
    [Fact]
    public void Variables_used_directly_or_through_fragments_are_valid()
    {
        const string document = """
            query Foo($a: String, $c: Int) { complicatedArgs { stringArgField(stringArg: $a) ...FragA } }
            query Bar($c: Int) @withArgs(required: $c) { complicatedArgs { ...FragA } }
            fragment FragA on ComplicatedArgs { intArgField(intArg: $c) }
            """;
        Assert.Empty(Errors(Schema, document, c => new NoUnusedVariablesRule(c)));
    }

    [Fact]
    public void Unused_variables_are_reported_and_uses_inside_variable_definitions_do_not_count()
    {
        const string document = """
            query Foo($a: String, $b: String, $c: Int, $d: Int, $e: Boolean = false @onVariableDefinition) { complicatedArgs { stringArgField(stringArg: $a) ...FragA } }
            query Bar($d: Int) { complicatedArgs { ...FragA } }
            query ($x: Int, $y: Int) { dog { isAtLocation(x: $x) } }
            fragment FragA on ComplicatedArgs { intArgField(intArg: $c) }
            """;
        Assert.Equal(
            [
                "Variable \"$b\" is never used in operation \"Foo\". @ 1:23",
                "Variable \"$d\" is never used in operation \"Foo\". @ 1:44",
                "Variable \"$e\" is never used in operation \"Foo\". @ 1:53",
                "Variable \"$d\" is never used in operation \"Bar\". @ 2:11",
                "Variable \"$y\" is never used. @ 3:17",
            ],
            Errors(Schema, document, c => new NoUnusedVariablesRule(c)));
    }
}
