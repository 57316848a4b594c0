using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Validation.Support;
using Ipp.Graph.Engine.Validation;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation;

/// <summary>
/// Mutates valid documents at random (with fixed seeds, so every run is the same) at the level of tokens and names,
/// and checks that validation never throws: parsing may fail with a GraphQLError, validating never fails.
/// </summary>
public class ValidatorFuzzTests
{
    private const int Iterations = 2_000;

    private static readonly string[] Seeds =
    [
        """
        query Q($id: ID, $command: DogCommand = SIT, $input: ComplexInput!, $skip: Boolean!) @onQuery {
          human(id: $id) { name pets { ...PetFields ... on Dog { doesKnowCommand(dogCommand: $command) } } }
          catOrDog @onField { __typename ... on Cat { furColor } ... on Dog { barks @skip(if: $skip) } }
          complicatedArgs { complexArgField(complexArg: $input) oneOfArgField(oneOfArg: {intField: 3}) multipleReqs(req1: 1, req2: 2) }
        }
        fragment PetFields on Pet { name(surname: true) }
        """,
        """
        query Deep { dog { mother { father { mother { name ...DogFields } } } ...DogFields } dogOrHuman { ... on Human { relatives { name } } } }
        fragment DogFields on Dog { name nickname barkVolume isAtLocation(x: 1, y: 2) mother { name } }
        mutation M($name: String!) { renameDog(name: $name) { ...DogFields } }
        subscription S { dogBarked(loudest: true) { name } }
        """,
        """
        { complicatedArgs {
            stringListArgField(stringListArg: ["a", "b", null]) enumArgField(enumArg: BROWN) floatArgField(floatArg: 1.5e3)
            complexArgField(complexArg: {requiredField: true, nonNullField: false, stringListField: ["x"], intField: -4})
            a: multipleOptAndReq(req1: 1, req2: 2, opt1: 3) b: idArgField(idArg: "abc") c: booleanArgField(booleanArg: false)
          }
          __schema { types { name fields { name type { name ofType { name } } } } }
          __type(name: "Dog") { name }
        }
        """,
    ];

    [Fact]
    public void Mutated_documents_never_make_validation_throw()
    {
        var random = new Random(20_240_601);
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var text = TokenMutator.Mutate(Seeds[i % Seeds.Length], random);
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLError)
            {
                continue;
            }

            parsed++;
            var errors = Validator.Validate(Schema, document);
            Assert.All(errors, error => Assert.Equal(ErrorCodes.ValidationFailed, error.Code));
        }

        // Most mutations still parse, so validation is what is being exercised.
        Assert.True(parsed > Iterations / 6, $"only {parsed} of {Iterations} mutated documents parsed");
    }

    [Fact]
    public void Comparing_fields_by_class_never_changes_the_conflicts_found()
    {
        var random = new Random(7);
        var withConflicts = 0;
        for (var i = 0; i < 400; i++)
        {
            var document = RandomOverlappingDocument(random);
            var byClass = Conflicts(document, useFieldClasses: true);
            var pairwise = Conflicts(document, useFieldClasses: false);
            Assert.True(byClass.SequenceEqual(pairwise), $"Differs for:\n{document}\nby class:\n{string.Join("\n", byClass)}\npairwise:\n{string.Join("\n", pairwise)}");
            withConflicts += byClass.Length > 0 ? 1 : 0;
        }

        Assert.InRange(withConflicts, 100, 399);
    }

    [Fact]
    public void Mutated_type_system_documents_never_make_sdl_validation_throw()
    {
        var random = new Random(99);
        for (var i = 0; i < 500; i++)
        {
            var text = TokenMutator.Mutate(Sdl, random);
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLError)
            {
                continue;
            }

            Assert.All(Validator.ValidateSdl(document), error => Assert.Equal(ErrorCodes.ValidationFailed, error.Code));
            Assert.All(Validator.ValidateSdl(document, Schema), error => Assert.Equal(ErrorCodes.ValidationFailed, error.Code));
        }
    }

    private static string[] Conflicts(string document, bool useFieldClasses) =>
        Describe(Validator.Validate(Schema, Parser.Parse(document), [context => new OverlappingFieldsCanBeMergedRule(context, useFieldClasses)]));

    /// <summary>Many fields under few response names, with and without arguments and sub-selections, some in fragments.</summary>
    private static string RandomOverlappingDocument(Random random)
    {
        string[] leaves = ["name", "nickname", "barks", "name(surname: true)", "name(surname: false)", "barkVolume", "x: name", "x: nickname", "x: barks"];
        string[] composites = ["mother { name }", "mother { x: name }", "mother { x: nickname }", "father { name }", "mother: father { name }", "mother { ...G }"];
        string Selection() => random.Next(4) switch
        {
            0 => composites[random.Next(composites.Length)],
            1 when random.Next(3) == 0 => "... on Dog { " + leaves[random.Next(leaves.Length)] + " }",
            1 => "...F",
            _ => leaves[random.Next(leaves.Length)],
        };
        var operation = string.Join(" ", Enumerable.Range(0, random.Next(5, 40)).Select(_ => Selection()));
        var fragmentF = string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => leaves[random.Next(leaves.Length)]));
        var fragmentG = string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => leaves[random.Next(leaves.Length)]));
        return $"{{ dog {{ {operation} }} pet {{ ... on Dog {{ {operation} }} ... on Cat {{ x: meows name }} }} }}\n"
            + $"fragment F on Dog {{ {fragmentF} }}\nfragment G on Dog {{ {fragmentG} }}";
    }
}
