using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void Literals_of_the_expected_types_are_valid()
    {
        const string document = """"
            query Q($v: Int = 1, $w: ComplexInput = {requiredField: true}, $l: [String] = ["a", null], $o: String!) { complicatedArgs {
              intArgField(intArg: -3) stringArgField(stringArg: """block""") booleanArgField(booleanArg: false) enumArgField(enumArg: BLACK)
              floatArgField(floatArg: 1) idArgField(idArg: 1) a: idArgField(idArg: "x") stringListArgField(stringListArg: "single")
              b: stringListArgField(stringListArg: ["a", null]) stringListNonNullArgField(stringListNonNullArg: ["a"])
              complexArgField(complexArg: {requiredField: true, nonNullField: false, stringListField: "one"}) oneOfArgField(oneOfArg: {intField: 1})
              c: oneOfArgField(oneOfArg: {stringField: $o}) nonNullIntArgField(nonNullIntArg: $v) d: intArgField(intArg: null)
            } dog { doesKnowCommand(dogCommand: SIT) name @include(if: true) @withArgs(required: 1, list: 1) } }
            """";
        Assert.Empty(Errors(Schema, document, c => new ValuesOfCorrectTypeRule(c)));
    }

    [Fact]
    public void Invalid_literals_are_reported_with_the_scalar_enum_or_input_object_message()
    {
        const string document = """"
            query Q($v: Int = "x", $w: ComplexInput = {requiredField: 1}, $ok: [String] = ["a", null]) { complicatedArgs {
              intArgField(intArg: "3") a: intArgField(intArg: 1.5) b: intArgField(intArg: 3000000000) c: intArgField(intArg: [1]) d: intArgField(intArg: null)
              stringArgField(stringArg: 1) e: stringArgField(stringArg: BLACK) f: stringArgField(stringArg: """block""")
              booleanArgField(booleanArg: "true") g: booleanArgField(booleanArg: TRUE)
              enumArgField(enumArg: "BLACK") h: enumArgField(enumArg: black) i: enumArgField(enumArg: 1) j: enumArgField(enumArg: BLACK)
              floatArgField(floatArg: "1.5") k: floatArgField(floatArg: 1) idArgField(idArg: 1.5) l: idArgField(idArg: "x") m: idArgField(idArg: 1)
              stringListArgField(stringListArg: ["a", 1, null, ["b"]]) n: stringListArgField(stringListArg: "single") o: stringListArgField(stringListArg: 1)
              stringListNonNullArgField(stringListNonNullArg: ["a", null])
              complexArgField(complexArg: {intField: 4}) p: complexArgField(complexArg: {requiredField: true, nonNullField: null, unknownField: 1, intfield: 2})
              q: complexArgField(complexArg: "notAnObject") r: complexArgField(complexArg: {requiredField: true, stringListField: [1, "x"]})
              oneOfArgField(oneOfArg: {stringField: "a", intField: 1}) s: oneOfArgField(oneOfArg: {stringField: null}) t: oneOfArgField(oneOfArg: {}) u: oneOfArgField(oneOfArg: {stringField: $v})
              nonNullIntArgField(nonNullIntArg: null) multipleReqs(req1: 1, req2: "2")
            } dog { isHouseTrained(atOtherHomes: 1) doesKnowCommand(dogCommand: sit) name @include(if: "yes") @withArgs(required: "x", list: 1) } }
            """";
        Assert.Equal(
            [
                "Int cannot represent non-integer value: \"x\" @ 1:19",
                "Boolean cannot represent a non boolean value: 1 @ 1:59",
                "Int cannot represent non-integer value: \"3\" @ 2:23",
                "Int cannot represent non-integer value: 1.5 @ 2:51",
                "Int cannot represent non 32-bit signed integer value: 3000000000 @ 2:79",
                "Int cannot represent non-integer value: [1] @ 2:114",
                "String cannot represent a non string value: 1 @ 3:29",
                "String cannot represent a non string value: BLACK @ 3:61",
                "Boolean cannot represent a non boolean value: \"true\" @ 4:31",
                "Boolean cannot represent a non boolean value: TRUE @ 4:70",
                "Enum \"FurColor\" cannot represent non-enum value: \"BLACK\". Did you mean the enum value \"BLACK\"? @ 5:25",
                "Value \"black\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BLACK\"? @ 5:59",
                "Enum \"FurColor\" cannot represent non-enum value: 1. @ 5:91",
                "Float cannot represent non numeric value: \"1.5\" @ 6:27",
                "ID cannot represent a non-string and non-integer value: 1.5 @ 6:82",
                "String cannot represent a non string value: 1 @ 7:43",
                "String cannot represent a non string value: [\"b\"] @ 7:52",
                "String cannot represent a non string value: 1 @ 7:144",
                "Expected value of type \"String!\", found null. @ 8:57",
                "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 9:31",
                "Expected value of type \"Boolean!\", found null. @ 9:113",
                "Field \"unknownField\" is not defined by type \"ComplexInput\". @ 9:119",
                "Field \"intfield\" is not defined by type \"ComplexInput\". Did you mean \"intField\" or \"stringField\"? @ 9:136",
                "Expected value of type \"ComplexInput\", found \"notAnObject\". @ 10:34",
                "String cannot represent a non string value: 1 @ 10:120",
                "OneOf Input Object \"OneOfInput\" must specify exactly one key. @ 11:27",
                "Field \"OneOfInput.stringField\" must be non-null. @ 11:87",
                "OneOf Input Object \"OneOfInput\" must specify exactly one key. @ 11:135",
                "Expected value of type \"Int!\", found null. @ 12:37",
                "Int cannot represent non-integer value: \"2\" @ 12:71",
                "Boolean cannot represent a non boolean value: 1 @ 13:38",
                "Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"? @ 13:69",
                "Boolean cannot represent a non boolean value: \"yes\" @ 13:92",
                "Int cannot represent non-integer value: \"x\" @ 13:119",
            ],
            Errors(Schema, document, c => new ValuesOfCorrectTypeRule(c)));
    }
}
