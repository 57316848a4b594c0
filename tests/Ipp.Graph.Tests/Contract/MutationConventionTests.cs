using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Tests.Accounts;
using static Ipp.Graph.Tests.Contract.ServedSchema;

namespace Ipp.Graph.Tests.Contract;

/// <summary>
/// HotChocolate's mutation conventions, checked on the served schema for every mutation there is and will be:
/// <c>name(input: NameInput!): NamePayload!</c>, no payload shared, and problems the user can act on as
/// <c>errors: [NameError!]</c>, a union of types implementing <c>Error</c>.
/// </summary>
public sealed class MutationConventionTests(ServedSchema schema) : IClassFixture<ServedSchema>
{
    /// <summary>Mutations that have no problem a user could act on, so their payload has no <c>errors</c> (as HotChocolate omits it).</summary>
    private static readonly string[] WithoutErrors = ["logout"];

    [Fact]
    public void Every_mutation_takes_one_input_of_its_own_and_returns_its_own_payload()
    {
        var mutations = Fields(schema.Type("Mutation")).ToList();
        Assert.NotEmpty(mutations);
        foreach (var mutation in mutations)
        {
            var name = Name(mutation);
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            var args = List(mutation, "args").ToList();
            if (args.Count > 0)
            {
                var input = Assert.Single(args);
                Assert.Equal(("input", pascal + "Input!"), (Name(input), Print(input.GetProperty("type"))));
                Assert.Equal("INPUT_OBJECT", schema.Type(pascal + "Input").GetProperty("kind").GetString());
            }

            Assert.Equal(pascal + "Payload!", Print(mutation.GetProperty("type")));
        }

        Assert.Equal(mutations.Count, mutations.Select(m => Print(m.GetProperty("type"))).Distinct().Count());
        var inputs = mutations.SelectMany(m => List(m, "args")).Select(a => Print(a.GetProperty("type"))).ToList();
        Assert.Equal(inputs.Count, inputs.Distinct().Count());
    }

    [Fact]
    public void Every_payload_lists_its_errors_as_a_union_of_Error_types_and_has_nothing_but_nullable_results_beside()
    {
        foreach (var mutation in Fields(schema.Type("Mutation")))
        {
            var name = Name(mutation);
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            var payload = schema.Type(pascal + "Payload");
            var errors = Fields(payload).SingleOrDefault(f => Name(f) == "errors");
            if (WithoutErrors.Contains(name))
            {
                Assert.Equal(JsonValueKind.Undefined, errors.ValueKind);
                continue;
            }

            Assert.Equal($"[{pascal}Error!]", Print(errors.GetProperty("type")));
            var union = schema.Type(pascal + "Error");
            Assert.Equal("UNION", union.GetProperty("kind").GetString());
            Assert.All(List(union, "possibleTypes"), member => Assert.Contains(
                "Error", List(schema.Type(Name(member)), "interfaces").Select(Name)));
            Assert.All(Fields(payload).Where(f => Name(f) != "errors"), field =>
                Assert.NotEqual("NON_NULL", field.GetProperty("type").GetProperty("kind").GetString()));
        }
    }

    [Fact]
    public void The_Error_interface_has_a_message_and_a_code_and_every_error_type_implements_it()
    {
        var error = schema.Type("Error");
        Assert.Equal("INTERFACE", error.GetProperty("kind").GetString());
        Assert.Equal(["message: String!", "code: String!"], Fields(error).Select(f => $"{Name(f)}: {Print(f.GetProperty("type"))}"));
        var implementors = List(error, "possibleTypes").Select(Name).ToHashSet();
        var named = schema.Types.Where(t => t.GetProperty("kind").GetString() == "OBJECT" && Name(t).EndsWith("Error", StringComparison.Ordinal)).Select(Name);
        Assert.Equal(implementors.Order(), named.Order());
    }

    [Fact]
    public void Every_MutationError_of_the_server_is_an_error_type_of_its_name_in_some_union_with_a_listed_code()
    {
        var codes = ErrorCodesDocumentTests.ServerCodes().ToHashSet();
        var unions = schema.Types.Where(t => t.GetProperty("kind").GetString() == "UNION").SelectMany(u => List(u, "possibleTypes")).Select(Name).ToHashSet();
        var errorTypes = typeof(MutationError).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(MutationError)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(errorTypes);
        foreach (var type in errorTypes)
        {
            Assert.Contains(type.Name, unions);
            var code = ((MutationError)RuntimeHelpers.GetUninitializedObject(type)).Code;
            Assert.Contains(code, codes);
            Assert.Contains($"`{code}`", schema.Type(type.Name).GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task An_error_the_user_can_act_on_is_data_the_result_null_and_no_top_level_error()
    {
        using var http = new GraphQLHttp(schema.Server);
        await http.CreateUserAsync($"taken-{Guid.NewGuid():n}@example.org");
        var email = $"again-{Guid.NewGuid():n}@example.org";
        await http.CreateUserAsync(email);

        var response = await http.PostAsync(Operations.CreateUser, new { email, password = "another password" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.TryGetProperty("errors", out _));
        Assert.Equal(
            """{"token":null,"expiresAt":null,"user":null,"errors":[{"__typename":"EmailTakenError","code":"EMAIL_TAKEN","message":"An account with this email already exists."}]}""",
            response.Body.GetProperty("data").GetProperty("createUser").GetRawText());
        Assert.Empty(response.SetCookies);
    }
}
