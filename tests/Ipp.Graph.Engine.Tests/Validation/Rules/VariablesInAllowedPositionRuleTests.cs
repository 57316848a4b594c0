using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void Variables_of_the_position_type_a_subtype_or_with_a_non_null_default_are_valid()
    {
        const string document = """
            query Q($nnInt: Int!, $intDef: Int = 1, $intArg: Int, $strNNList: [String!], $nnStrNNList: [String!]!, $nnBool: Boolean!, $nnStr: String!) {
              complicatedArgs {
                a: nonNullIntArgField(nonNullIntArg: $nnInt) b: nonNullIntArgField(nonNullIntArg: $intDef) intArgField(intArg: $nnInt)
                nonNullFieldWithDefault(arg: $intArg) stringListArgField(stringListArg: $strNNList) stringListNonNullArgField(stringListNonNullArg: $nnStrNNList)
                complexArgField(complexArg: {requiredField: $nnBool}) oneOfArgField(oneOfArg: {stringField: $nnStr}) ...F
              }
              dog @include(if: $nnBool) { name }
            }
            fragment F on ComplicatedArgs { c: intArgField(intArg: $intArg) d: stringArgField(stringArg: $undefined) }
            """;
        Assert.Empty(Errors(Schema, document, c => new VariablesInAllowedPositionRule(c)));
    }

    [Fact]
    public void Variables_in_positions_their_types_do_not_fit_are_reported_with_both_places()
    {
        const string document = """
            query Q($intArg: Int, $nnInt: Int!, $intDef: Int = 1, $intNullDef: Int = null, $boolArg: Boolean, $strList: [String], $strNNList: [String!], $nnStrList: [String]!, $ci: ComplexInput, $s: String, $pet: Pet, $unk: Unknown, $so: String) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intArg) a: nonNullIntArgField(nonNullIntArg: $intDef) b: nonNullIntArgField(nonNullIntArg: $intNullDef) c: nonNullIntArgField(nonNullIntArg: $nnInt)
                nonNullFieldWithDefault(arg: $intArg) stringListArgField(stringListArg: $strNNList) stringListNonNullArgField(stringListNonNullArg: $strList) d: stringListNonNullArgField(stringListNonNullArg: $nnStrList)
                intArgField(intArg: $boolArg) complexArgField(complexArg: {requiredField: $boolArg, nonNullField: $boolArg, stringListField: [$s, $intArg]}) e: stringListArgField(stringListArg: [$s, $so])
                oneOfArgField(oneOfArg: {stringField: $so}) f: oneOfArgField(oneOfArg: {intField: $unk})
                ...F
              }
              dog @include(if: $boolArg) { name @skip(if: $nnInt) }
            }
            fragment F on ComplicatedArgs { g: intArgField(intArg: $s) h: stringArgField(stringArg: $unknown) }
            """;
        Assert.Equal(
            [
                "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". @ 1:9, 3:39",
                "Variable \"$intNullDef\" of type \"Int\" used in position expecting type \"Int!\". @ 1:55, 3:131",
                "Variable \"$strList\" of type \"[String]\" used in position expecting type \"[String!]\". @ 1:99, 4:137",
                "Variable \"$nnStrList\" of type \"[String]!\" used in position expecting type \"[String!]\". @ 1:142, 4:198",
                "Variable \"$boolArg\" of type \"Boolean\" used in position expecting type \"Int\". @ 1:80, 5:25",
                "Variable \"$boolArg\" of type \"Boolean\" used in position expecting type \"Boolean!\". @ 1:80, 5:79",
                "Variable \"$intArg\" of type \"Int\" used in position expecting type \"String\". @ 1:9, 5:135",
                "Variable \"$so\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\". @ 1:222, 6:43",
                "Variable \"$boolArg\" of type \"Boolean\" used in position expecting type \"Boolean!\". @ 1:80, 9:20",
                "Variable \"$nnInt\" of type \"Int!\" used in position expecting type \"Boolean!\". @ 1:23, 9:47",
                "Variable \"$s\" of type \"String\" used in position expecting type \"Int\". @ 1:184, 11:56",
            ],
            Errors(Schema, document, c => new VariablesInAllowedPositionRule(c)));
    }
}
