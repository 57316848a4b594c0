using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void Variables_defined_by_every_operation_using_them_are_valid()
    {
        const string document = """
            query Foo($a: String, $b: Int) { complicatedArgs { stringArgField(stringArg: $a) ...FragA } }
            query Bar($a: String, $b: Int) { complicatedArgs { ...FragA } dog @include(if: true) { name } }
            fragment FragA on ComplicatedArgs { stringArgField(stringArg: $a) intArgField(intArg: $b) }
            """;
        Assert.Empty(Errors(Schema, document, c => new NoUndefinedVariablesRule(c)));
    }

    [Fact]
    public void Undefined_variables_are_reported_per_operation_own_uses_first_then_those_of_fragments()
    {
        const string document = """
            query Foo($a: String) { complicatedArgs { stringArgField(stringArg: $a) intArgField(intArg: $b) ...FragA } }
            query Bar { complicatedArgs { ...FragA } dog @include(if: $c) { name } }
            fragment FragA on ComplicatedArgs { stringArgField(stringArg: $a) ...FragB }
            fragment FragB on ComplicatedArgs { intArgField(intArg: $d) complexArgField(complexArg: {intField: $e, stringListField: [$f]}) }
            { dog { isAtLocation(x: $x, y: $y) } }
            """;
        Assert.Equal(
            [
                "Variable \"$b\" is not defined by operation \"Foo\". @ 1:93, 1:1",
                "Variable \"$d\" is not defined by operation \"Foo\". @ 4:57, 1:1",
                "Variable \"$e\" is not defined by operation \"Foo\". @ 4:100, 1:1",
                "Variable \"$f\" is not defined by operation \"Foo\". @ 4:122, 1:1",
                "Variable \"$c\" is not defined by operation \"Bar\". @ 2:59, 2:1",
                "Variable \"$a\" is not defined by operation \"Bar\". @ 3:63, 2:1",
                "Variable \"$d\" is not defined by operation \"Bar\". @ 4:57, 2:1",
                "Variable \"$e\" is not defined by operation \"Bar\". @ 4:100, 2:1",
                "Variable \"$f\" is not defined by operation \"Bar\". @ 4:122, 2:1",
                "Variable \"$x\" is not defined. @ 5:25, 5:1",
                "Variable \"$y\" is not defined. @ 5:32, 5:1",
            ],
            Errors(Schema, document, c => new NoUndefinedVariablesRule(c)));
    }
}
