using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class KnownArgumentNamesRuleTests
{
    [Fact]
    public void Arguments_defined_by_fields_meta_fields_and_directives_are_valid()
    {
        const string document = """
            { dog { doesKnowCommand(dogCommand: SIT) isAtLocation(y: 1, x: 2) name @include(if: true) @withArgs(required: 1, list: [1]) }
              __type(name: "Dog") { name } unknownField(anything: 1) }
            """;
        Assert.Empty(Errors(Schema, document, c => new KnownArgumentNamesRule(c)));
    }

    [Fact]
    public void Unknown_arguments_of_fields_and_directives_are_reported_with_suggestions()
    {
        const string document = """
            { dog { doesKnowCommand(dogCommand: SIT, dogcommand: SIT, command: HEEL) isHouseTrained(atOtherHomes: true, atHome: false) name(surname: true) @include(if: true, unless: false) @unknown(x: 1) @withArgs(required: 1, requird: 2) } complicatedArgs { multipleReqs(req1: 1, req2: 2, req3: 3) } __type(name: "Dog", nam: "x") { name } human(id: 1) { name(surname: false, xx: 1) } }
            fragment f on Cat { meows(x: 1) unknownField(y: 2) }
            """;
        Assert.Equal(
            [
                "Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:42",
                "Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:59",
                "Unknown argument \"atHome\" on field \"Dog.isHouseTrained\". @ 1:109",
                "Unknown argument \"unless\" on directive \"@include\". @ 1:163",
                "Unknown argument \"requird\" on directive \"@withArgs\". Did you mean \"required\"? @ 1:216",
                "Unknown argument \"req3\" on field \"ComplicatedArgs.multipleReqs\". Did you mean \"req1\" or \"req2\"? @ 1:279",
                "Unknown argument \"nam\" on field \"QueryRoot.__type\". Did you mean \"name\"? @ 1:310",
                "Unknown argument \"xx\" on field \"Human.name\". @ 1:365",
                "Unknown argument \"x\" on field \"Cat.meows\". @ 2:27",
            ],
            Errors(Schema, document, c => new KnownArgumentNamesRule(c)));
    }
}
