using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Validation;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class ScalarLeafsRuleTests
{
    [Fact]
    public void Leaves_without_and_composites_with_selections_are_valid()
    {
        Assert.Empty(Errors(Schema, "{ dog { name mother { name } } catOrDog { __typename } human { pets { name } } }", c => new ScalarLeafsRule(c)));
    }

    [Fact]
    public void Missing_and_superfluous_selections_are_reported()
    {
        const string document = """
            { dog human { name { x } pets } catOrDog dog { barks { y } name } complicatedArgs { intArgField(intArg: 1) { z } } }
            query Q { dog { mother { name } father } }
            """;
        Assert.Equal(
            [
                "Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"? @ 1:3",
                "Field \"name\" must not have a selection since type \"String\" has no subfields. @ 1:20",
                "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? @ 1:26",
                "Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"? @ 1:33",
                "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. @ 1:54",
                "Field \"intArgField\" must not have a selection since type \"String\" has no subfields. @ 1:108",
                "Field \"father\" of type \"Dog\" must have a selection of subfields. Did you mean \"father { ... }\"? @ 2:33",
            ],
            Errors(Schema, document, c => new ScalarLeafsRule(c)));
    }

    [Fact]
    public void An_empty_selection_set_built_without_the_parser_is_reported()
    {
        var source = new Source("{ dog { } }");
        var dog = new FieldNode
        {
            Name = new NameNode("dog"),
            SelectionSet = new SelectionSetNode { Selections = [], Location = new Location(6, 9, source) },
            Location = new Location(2, 9, source),
        };
        var document = new DocumentNode
        {
            Definitions =
            [
                new OperationDefinitionNode
                {
                    Operation = OperationType.Query,
                    SelectionSet = new SelectionSetNode { Selections = [dog], Location = new Location(0, 11, source) },
                    Location = new Location(0, 11, source),
                },
            ],
        };
        Assert.Equal(
            ["Field \"dog\" of type \"Dog\" must have at least one field selected. @ 1:3"],
            Describe(Validator.Validate(Schema, document, [c => new ScalarLeafsRule(c)])));
    }
}
