using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Spreads_of_overlapping_types_are_valid()
    {
        const string document = """
            fragment valid1 on Dog { ...petFragment ...catOrDogFragment ... on Being { name } }
            fragment valid2 on Pet { ...catOrDogFragment ... on Dog { name } ...unknown }
            fragment valid3 on CatOrDog { ... on Canine { name } ...petFragment }
            fragment catOrDogFragment on CatOrDog { __typename }
            fragment petFragment on Pet { name }
            """;
        Assert.Empty(Errors(Schema, document, c => new PossibleFragmentSpreadsRule(c)));
    }

    [Fact]
    public void Spreads_whose_types_share_no_object_type_are_reported()
    {
        const string document = """
            fragment invalidObjectWithinObject on Cat { ...dogFragment }
            fragment invalidInlineObject on Cat { ... on Dog { barkVolume } }
            fragment invalidObjectWithinInterface on Pet { ...humanFragment }
            fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
            fragment invalidInterfaceWithinUnion on HumanOrAlien { ...petFragment }
            fragment dogFragment on Dog { barkVolume }
            fragment humanFragment on Human { name }
            fragment catOrDogFragment on CatOrDog { __typename }
            fragment petFragment on Pet { name }
            """;
        Assert.Equal(
            [
                "Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". @ 1:45",
                "Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". @ 2:39",
                "Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". @ 3:48",
                "Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\". @ 4:46",
                "Fragment \"petFragment\" cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Pet\". @ 5:56",
            ],
            Errors(Schema, document, c => new PossibleFragmentSpreadsRule(c)));
    }
}
