using System.Text.Json;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Tests.Validation.Support;
using Ipp.Graph.Engine.Validation;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation;

/// <summary>
/// Validates random executable documents (see <see cref="RandomDocuments"/>) and mutated type-system documents here
/// and in graphql-js (live, through tests/js/validation/validate.js), and requires the same errors in the same order
/// with the same locations.
/// </summary>
public class ValidationOracleTests
{
    [Fact]
    public void Random_documents_get_graphql_js_errors()
    {
        var generator = new RandomDocuments(Schema, seed: 2024);
        var documents = Enumerable.Range(0, 600).Select(_ => generator.Next()).ToList();
        var expected = RunGraphQLJs(documents);
        var compared = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            if (expected[i].TryGetProperty("thrown", out _))
            {
                // graphql-js throws for @skip/@include with a variable in a subscription's top level; we report instead.
                continue;
            }

            compared++;
            var actual = Describe(Validator.Validate(Schema, Parser.Parse(documents[i])));
            var wanted = expected[i].GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.True(wanted.SequenceEqual(actual), $"Document:\n{documents[i]}\ngraphql-js:\n{string.Join("\n", wanted)}\nours:\n{string.Join("\n", actual)}");
        }

        Assert.True(compared > 500, $"only {compared} documents compared");
    }

    [Fact]
    public void Mutated_type_system_documents_get_graphql_js_errors_alone_and_extending_a_schema()
    {
        const string extension = """
            extend type Dog { color: String @deprecated } directive @onSchema on SCHEMA extend schema @onSchema
            extend enum FurColor { GREEN BROWN } extend input ComplexInput { extra: Int = 1 } scalar Date @specifiedBy(url: "x")
            extend union CatOrDog = Human interface Node { id: ID! } type User implements Node { id: ID! friends(first: Int = 10): [User!]! }
            """;
        var random = new Random(31);
        var documents = new List<string>();
        while (documents.Count < 300)
        {
            var text = TokenMutator.Mutate(documents.Count % 2 == 0 ? Sdl : extension, random);
            if (Parses(text))
            {
                documents.Add(text);
            }
        }

        foreach (var (schemaToExtend, sdl) in new[] { (null, (string?)null), (Schema, Sdl) })
        {
            var expected = RunGraphQLJs(documents, sdl: true, schemaSdl: sdl);
            for (var i = 0; i < documents.Count; i++)
            {
                var actual = Describe(Validator.ValidateSdl(Parser.Parse(documents[i]), schemaToExtend));
                var wanted = expected[i].GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
                Assert.True(wanted.SequenceEqual(actual), $"Document:\n{documents[i]}\ngraphql-js:\n{string.Join("\n", wanted)}\nours:\n{string.Join("\n", actual)}");
            }
        }
    }

    private static bool Parses(string text)
    {
        try
        {
            Parser.Parse(text);
            return true;
        }
        catch (Error.GraphQLError)
        {
            return false;
        }
    }

    private static List<JsonElement> RunGraphQLJs(List<string> documents, bool sdl = false, string? schemaSdl = Sdl)
    {
        var input = JsonSerializer.Serialize(new { schema = schemaSdl, sdl, documents });
        return JsonDocument.Parse(NodeRunner.Run("validation/validate.js", input)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
