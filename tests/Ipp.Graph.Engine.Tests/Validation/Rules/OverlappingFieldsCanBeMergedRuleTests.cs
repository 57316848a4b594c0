using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class OverlappingFieldsCanBeMergedRuleTests
{
    private const string Advice = " Use different aliases on the fields to fetch both if this was intentional.";

    [Fact]
    public void Fields_that_merge_are_valid()
    {
        const string document = """
            fragment uniqueFields on Dog { name nickname }
            fragment identicalFields on Dog { name name }
            fragment identicalFieldsWithIdenticalArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
            fragment identicalFieldsWithIdenticalDirectives on Dog { name @include(if: true) name @include(if: true) }
            fragment differentArgsWithDifferentAliases on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }
            fragment differentDirectivesWithDifferentAliases on Dog { nameIfTrue: name @include(if: true) nameIfFalse: name @include(if: false) }
            fragment differentSkipIncludeDirectives on Dog { name @include(if: true) name @include(if: false) }
            fragment sameAliasesOnNonOverlapping on Pet { ... on Dog { name } ... on Cat { name: nickname } }
            fragment argsNoConflict on Pet { ... on Dog { name(surname: true) } ... on Cat { name } }
            fragment objectArgsOrder on ComplicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) }
            { dog { ...identicalFields ...identicalFields name } cat { ... on Cat { name } name } }
            """;
        Assert.Empty(Errors(Schema, document, c => new OverlappingFieldsCanBeMergedRule(c)));
    }

    [Fact]
    public void Conflicts_of_names_arguments_types_and_subfields_are_reported_once_each()
    {
        const string document = """"
            fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }
            fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }
            fragment differentArgsSecondAddsAnArgument on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }
            fragment differentArgsSecondMissingAnArgument on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }
            fragment conflictingArgValues on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }
            fragment conflictingArgNames on Dog { isAtLocation(x: 0) isAtLocation(y: 0) }
            fragment variableVsLiteral on Dog { isAtLocation(x: $x) isAtLocation(x: 0) }
            fragment blockVsString on ComplicatedArgs { stringArgField(stringArg: "a") stringArgField(stringArg: """a""") }
            { dog { ...A ...B } }
            fragment A on Dog { x: name }
            fragment B on Dog { x: barks }
            { f1: dog { ...A ...B } f2: dog { ...B ...A } f3: dog { ...A ...B x: nickname } }
            { dog { x: name } dog { x: barks } }
            { dog { x: name y: barks } dog { x: barks y: name } }
            { dog { mother { x: name } } dog { mother { x: barks } } }
            { dog { mother { x: name } mother { x: name } } dog { mother { y: barks } } }
            { dogOrHuman { ... on Dog { x: name } ... on Human { x: iq } } }
            { dogOrHuman { ... on Human { relatives { name } } ... on Dog { relatives: mother { name } } } }
            { catOrDog { ... on Cat { x: name } ... on Dog { x: barks @skip(if: true) } } }
            """";
        Assert.Equal(
            [
                "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields." + Advice + " @ 1:56, 1:67",
                "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields." + Advice + " @ 2:49, 2:64",
                "Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice + " @ 3:53, 3:69",
                "Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice + " @ 4:56, 4:89",
                "Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice + " @ 5:40, 5:73",
                "Fields \"isAtLocation\" conflict because they have differing arguments." + Advice + " @ 6:39, 6:58",
                "Fields \"isAtLocation\" conflict because they have differing arguments." + Advice + " @ 7:37, 7:57",
                "Fields \"stringArgField\" conflict because they have differing arguments." + Advice + " @ 8:45, 8:76",
                "Fields \"x\" conflict because \"name\" and \"barks\" are different fields." + Advice + " @ 10:21, 11:21",
                "Fields \"x\" conflict because \"nickname\" and \"name\" are different fields." + Advice + " @ 12:67, 10:21",
                "Fields \"x\" conflict because \"nickname\" and \"barks\" are different fields." + Advice + " @ 12:67, 11:21",
                "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields." + Advice
                    + " @ 13:3, 13:9, 13:19, 13:25",
                "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields and "
                    + "subfields \"y\" conflict because \"barks\" and \"name\" are different fields." + Advice
                    + " @ 14:3, 14:9, 14:17, 14:28, 14:34, 14:43",
                "Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields."
                    + Advice + " @ 15:3, 15:9, 15:18, 15:30, 15:36, 15:45",
                "Fields \"x\" conflict because they return conflicting types \"String\" and \"Int\"." + Advice + " @ 17:29, 17:54",
                "Fields \"relatives\" conflict because they return conflicting types \"[Human]!\" and \"Dog\"." + Advice + " @ 18:31, 18:65",
                "Fields \"x\" conflict because they return conflicting types \"String\" and \"Boolean\"." + Advice + " @ 19:27, 19:50",
            ],
            Errors(Schema, document, c => new OverlappingFieldsCanBeMergedRule(c)));
    }
}
