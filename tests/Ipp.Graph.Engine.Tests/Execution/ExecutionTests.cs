using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Execution as graphql-js does it: fields, aliases, fragments, operation selection, resolver errors.</summary>
public sealed class ExecutionTests
{
    private const string PetsSdl = """
        interface Pet { name: String! }
        type Dog implements Pet { name: String! barks: Boolean }
        type Cat implements Pet { name: String! meows: Boolean lives: Int }
        union Animal = Dog | Cat
        type Query { pets: [Pet] animals: [Animal!]! }
        """;

    private static readonly object? PetsRoot = Data("""
        {
          "pets": [{ "__typename": "Dog", "name": "Rex", "barks": true }, { "__typename": "Cat", "name": "Tom", "meows": false, "lives": 9 }],
          "animals": [{ "__typename": "Cat", "name": "Tom", "meows": false, "lives": 9 }, { "__typename": "Dog", "name": "Rex", "barks": true }]
        }
        """);

    private static readonly Lazy<Schema> Pets = new(() =>
        Sdl(PetsSdl).ResolveType("Pet", ByTypeName).ResolveType("Animal", ByTypeName).Build());

    private static readonly Lazy<Schema> Letters = new(() => Sdl("type Query { a: String b: String }").Build());

    private static readonly object? LettersRoot = Data("""{ "a": "A", "b": "B" }""");

    [Fact]
    public async Task Fragments_and_inline_fragments_apply_to_the_runtime_type_of_interfaces_and_unions()
    {
        var json = await Run(
            Pets.Value,
            "{ pets { name ... on Dog { barks } ...CatFields __typename } animals { __typename ... on Pet { name } ... on Cat { lives } } } fragment CatFields on Cat { meows lives name }",
            PetsRoot);

        Assert.Equal(
            Q("{'data':{'pets':[{'name':'Rex','barks':true,'__typename':'Dog'},{'name':'Tom','meows':false,'lives':9,'__typename':'Cat'}],'animals':[{'__typename':'Cat','name':'Tom','lives':9},{'__typename':'Dog','name':'Rex'}]}}"),
            json);
    }

    [Fact]
    public async Task Aliases_name_entries_and_fields_with_one_response_name_merge_in_first_appearance_order()
    {
        var json = await Run(Letters.Value, "{ x: a y: a a b: a x: a }", LettersRoot);

        Assert.Equal(Q("{'data':{'x':'A','y':'A','a':'A','b':'A'}}"), json);
    }

    [Fact]
    public async Task Typename_names_the_object_type_at_every_level()
    {
        var json = await Run(Pets.Value, "{ __typename animals { __typename } }", PetsRoot);

        Assert.Equal(Q("{'data':{'__typename':'Query','animals':[{'__typename':'Cat'},{'__typename':'Dog'}]}}"), json);
    }

    [Fact]
    public async Task A_fragment_spread_twice_in_one_selection_set_is_collected_once()
    {
        var json = await Run(Letters.Value, "{ ...F b ...F } fragment F on Query { a }", LettersRoot);

        Assert.Equal(Q("{'data':{'a':'A','b':'B'}}"), json);
    }

    [Theory]
    [InlineData("query One { a } query Two { b }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query One { a } query Two { b }", "Three", "Unknown operation named \"Three\".")]
    [InlineData("fragment F on Query { a }", null, "Must provide an operation.")]
    public async Task Operation_selection_fails_with_graphql_js_messages_and_no_data(string query, string? operationName, string message)
    {
        var result = await Executor.ExecuteAsync(Letters.Value, Parser.Parse(query), operationName, rootValue: LettersRoot);

        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(message, error.Message);
        Assert.Equal(ErrorCodes.OperationResolutionFailure, error.Code);
    }

    [Fact]
    public async Task The_named_operation_runs()
    {
        var json = await Run(Letters.Value, "query One { a } query Two { b }", LettersRoot, operationName: "Two");

        Assert.Equal(Q("{'data':{'b':'B'}}"), json);
    }

    [Theory]
    [InlineData("mutation M { a }", "mutation")]
    [InlineData("subscription S { a }", "subscription")]
    public async Task An_operation_type_the_schema_lacks_fails_with_null_data(string query, string operationType)
    {
        var json = await Run(Letters.Value, query, LettersRoot);

        Assert.Equal(
            Q($"{{'errors':[{{'message':'Schema is not configured to execute {operationType} operation.','locations':[{{'line':1,'column':1}}],'extensions':{{'code':'OPERATION_RESOLUTION_FAILURE'}}}}],'data':null}}"),
            json);
    }

    [Fact]
    public async Task A_resolver_throwing_a_graphql_error_keeps_its_message_and_extensions_and_gains_path_and_locations()
    {
        var schema = Sdl("type Query { a: String b: String }")
            .Resolve("Query.a", _ => throw new GraphQLError("Not allowed", code: "FORBIDDEN", extensions: new Dictionary<string, object?> { ["reason"] = "role" }))
            .Build();

        var json = await Run(schema, "{\n  b\n  a\n}", LettersRoot);

        Assert.Equal(
            Q("{'errors':[{'message':'Not allowed','locations':[{'line':3,'column':3}],'path':['a'],'extensions':{'code':'FORBIDDEN','reason':'role'}}],'data':{'b':'B','a':null}}"),
            json);
    }

    /// <summary>
    /// The slots of a response's objects are runs of arrays shared by many objects: each object must keep its own
    /// values however many objects there are, across the ends of those arrays, and when one object has more fields
    /// than such an array holds.
    /// </summary>
    [Fact]
    public async Task Every_object_of_a_large_response_keeps_its_own_values()
    {
        var items = Enumerable.Range(0, 700).Select(i => (object?)new Dictionary<string, object?> { ["a"] = i, ["b"] = $"b{i}", ["c"] = i % 2 == 0 }).ToArray();
        var wide = Enumerable.Range(0, 1100).ToDictionary(i => $"f{i}", i => (object?)i);
        var schema = Sdl("type Query { items: [Item!]! wide: Wide } type Item { a: Int b: String c: Boolean } type Wide { "
            + string.Join(" ", wide.Keys.Select(name => name + ": Int")) + " }").Build();
        var root = new Dictionary<string, object?> { ["items"] = items, ["wide"] = wide };

        var json = await Run(schema, "{ items { a b c } wide { " + string.Join(" ", wide.Keys) + " } }", root);

        var expectedItems = string.Join(",", Enumerable.Range(0, 700).Select(i => $"{{'a':{i},'b':'b{i}','c':{(i % 2 == 0 ? "true" : "false")}}}"));
        var expectedWide = string.Join(",", wide.Select(entry => $"'{entry.Key}':{entry.Value}"));
        Assert.Equal(Q("{'data':{'items':[" + expectedItems + "],'wide':{" + expectedWide + "}}}"), json);
    }

    /// <summary>
    /// A resolver may return an exception instead of throwing it (graphql-js: a returned Error), as a field's value or
    /// a list's item: it is that position's error, also where the type is a built-in scalar whose own values are
    /// written without conversion.
    /// </summary>
    [Fact]
    public async Task A_returned_exception_is_the_error_of_its_field_or_item()
    {
        var schema = Sdl("type Query { text: String flag: Boolean texts: [String!] counts: [Int] }")
            .Resolve("Query.text", _ => new(new InvalidOperationException("no text")))
            .Resolve("Query.flag", _ => new(new GraphQLError("no flag")))
            .Resolve("Query.texts", _ => new(new object[] { "a", new InvalidOperationException("no second text") }))
            .Resolve("Query.counts", _ => new(new object[] { 1, new InvalidOperationException("no second count"), 3 }))
            .Build();

        Assert.Equal(
            Q("{'errors':["
                + "{'message':'no text','locations':[{'line':1,'column':3}],'path':['text'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},"
                + "{'message':'no flag','locations':[{'line':1,'column':8}],'path':['flag']},"
                + "{'message':'no second text','locations':[{'line':1,'column':13}],'path':['texts',1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},"
                + "{'message':'no second count','locations':[{'line':1,'column':19}],'path':['counts',1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],"
                + "'data':{'text':null,'flag':null,'texts':null,'counts':[1,null,3]}}"),
            await Run(schema, "{ text flag texts counts }"));
    }

    [Fact]
    public async Task Any_other_exception_becomes_an_error_with_its_message_keeping_the_exception_for_the_host()
    {
        var failure = new InvalidOperationException("database unreachable");
        var schema = Sdl("type Query { a: String b: String }").Resolve("Query.a", _ => throw failure).Build();

        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ a b }"), rootValue: LettersRoot);

        var error = Assert.Single(result.Errors!);
        Assert.Equal("database unreachable", error.Message);
        Assert.Same(failure, error.InnerException);
        Assert.Equal(ErrorCodes.InternalServerError, error.Code);
        Assert.Equal(["a"], error.Path);
        Assert.Equal(Q("{'a':null,'b':'B'}"), DataJson(result));
    }

    [Fact]
    public async Task A_faulted_value_task_fails_like_a_throwing_resolver()
    {
        var schema = Sdl("type Query { a: String b: String }")
            .Resolve("Query.a", _ => ValueTask.FromException<object?>(new InvalidOperationException("faulted")))
            .Resolve("Query.b", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("faulted later");
            })
            .Build();

        var json = await Run(schema, "{ a b }");

        Assert.Equal(
            Q("{'errors':[{'message':'faulted','locations':[{'line':1,'column':3}],'path':['a'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'faulted later','locations':[{'line':1,'column':5}],'path':['b'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':null,'b':null}}"),
            json);
    }

    [Fact]
    public async Task Unknown_fields_are_left_out_as_graphql_js_does_for_unvalidated_documents()
    {
        var json = await Run(Letters.Value, "{ a nope b }", LettersRoot);

        Assert.Equal(Q("{'data':{'a':'A','b':'B'}}"), json);
    }

    [Fact]
    public async Task Enum_values_serialize_by_internal_value_and_unknown_ones_fail_with_graphql_js_message()
    {
        var schema = Sdl("enum Color { RED GREEN } type Query { good: Color bad: Color list: [Color] }")
            .Resolve("Query.good", _ => new("GREEN"))
            .Resolve("Query.bad", _ => new("PURPLE"))
            .Resolve("Query.list", _ => new(new[] { "RED", "GREEN" }))
            .Build();

        var json = await Run(schema, "{ good bad list }");

        Assert.Equal(
            Q("{'errors':[{'message':'Enum `Color` cannot represent value: `PURPLE`','locations':[{'line':1,'column':8}],'path':['bad'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'good':'GREEN','bad':null,'list':['RED','GREEN']}}"),
            json);
    }

    [Fact]
    public async Task Lists_complete_from_any_enumerable_and_a_string_is_not_a_list()
    {
        var schema = Sdl("type Query { fromSet: [Int] fromQuery: [Int] text: [String] notList: [Int] }")
            .Resolve("Query.fromSet", _ => new(new SortedSet<int> { 3, 1, 2 }))
            .Resolve("Query.fromQuery", _ => new(Enumerable.Range(1, 3).Select(i => i * 10)))
            .Resolve("Query.text", _ => new("abc"))
            .Resolve("Query.notList", _ => new(42))
            .Build();

        var json = await Run(schema, "{ fromSet fromQuery text notList }");

        Assert.Equal(
            Q("{'errors':[{'message':'Expected Iterable, but did not find one for field `Query.text`.','locations':[{'line':1,'column':21}],'path':['text'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'Expected Iterable, but did not find one for field `Query.notList`.','locations':[{'line':1,'column':26}],'path':['notList'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'fromSet':[1,2,3],'fromQuery':[10,20,30],'text':null,'notList':null}}"),
            json);
    }

    [Fact]
    public async Task A_dictionary_is_an_object_not_a_list()
    {
        var json = await Run(Sdl("type Query { numbers: [Int] }").Build(), "{ numbers }", Data("""{ "numbers": { "a": 1 } }"""));

        Assert.Equal(
            Q("{'errors':[{'message':'Expected Iterable, but did not find one for field `Query.numbers`.','locations':[{'line':1,'column':3}],'path':['numbers'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'numbers':null}}"),
            json);
    }

    [Fact]
    public async Task Json_elements_resolve_as_objects_and_lists_with_the_default_resolver()
    {
        var schema = Engine.Binding.SchemaBuilder.FromSdl("type Query { name: String items: [Item] tags: [String] } type Item { id: Int! }")
            .UseDefaultResolver(DefaultResolver.Instance)
            .Build();
        var root = Support.Json.Parse("""{ "name": "json", "items": [{ "id": 1 }, { "id": 2 }], "tags": ["a", null] }""");

        var json = await Run(schema, "{ name items { id } tags }", root);

        Assert.Equal(Q("{'data':{'name':'json','items':[{'id':1},{'id':2}],'tags':['a',null]}}"), json);
    }

    [Fact]
    public async Task A_value_a_scalar_cannot_serialize_fails_with_the_scalars_message()
    {
        var schema = Sdl("type Query { count: Int name: String }")
            .Resolve("Query.count", _ => new("many"))
            .Resolve("Query.name", _ => new(new[] { "x" }))
            .Build();

        var json = await Run(schema, "{ count name }");

        Assert.Equal(
            Q("{'errors':[{'message':'Int cannot represent non-integer value: `many`','locations':[{'line':1,'column':3}],'path':['count'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'String cannot represent value: [`x`]','locations':[{'line':1,'column':9}],'path':['name'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'count':null,'name':null}}"),
            json);
    }

    [Fact]
    public async Task Results_nested_deeper_than_the_engine_allows_end_in_an_error_not_a_crash()
    {
        // Each fragment adds a level, so the document stays shallow while its result goes 3 000 levels deep.
        const int Levels = 3_000;
        var fragments = string.Concat(Enumerable.Range(0, Levels).Select(i => $"fragment F{i} on Node {{ child {{ ...F{i + 1} }} }}\n"));
        var query = "{ root { ...F0 } }\n" + fragments + $"fragment F{Levels} on Node {{ name }}";
        var node = new Dictionary<string, object?> { ["name"] = "leaf" };
        node["child"] = node;
        var schema = Sdl("type Query { root: Node } type Node { name: String child: Node }").Build();

        var result = await Executor.ExecuteAsync(schema, Parser.Parse(query, new ParseOptions { MaxDepth = 10 }), rootValue: new Dictionary<string, object?> { ["root"] = node });

        var error = Assert.Single(result.Errors!);
        Assert.Equal("The result nests more than 500 levels deep.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
        Assert.Equal(501, error.Path!.Count);
        using var written = System.Text.Json.JsonDocument.Parse(result.ToJson(), new System.Text.Json.JsonDocumentOptions { MaxDepth = 1_000 });
    }

    /// <summary>
    /// Completing nested objects recurses; a deep result on a thread with little stack continues from the loop on a
    /// fresh stack instead of overflowing it (which would end the process), though the stack is only looked at every
    /// few levels. (The plans are built beforehand, by a first run: building one also refuses to go on when the
    /// stack is short.)
    /// </summary>
    [Fact]
    public async Task A_deep_result_on_a_thread_with_little_stack_completes()
    {
        const int Levels = 480;
        var fragments = string.Concat(Enumerable.Range(0, Levels).Select(i => $"fragment F{i} on Node {{ child {{ ...F{i + 1} }} }}\n"));
        var request = new GraphQLRequest { Query = "{ root { ...F0 } }\n" + fragments + $"fragment F{Levels} on Node {{ name }}" };
        var node = new Dictionary<string, object?> { ["name"] = "leaf" };
        node["child"] = node;
        var context = new RequestContext { RootValue = new Dictionary<string, object?> { ["root"] = node } };
        var schema = Sdl("type Query { root: Node } type Node { name: String child: Node }").Build();
        var executor = new RequestExecutor(schema, new EngineOptions { MaxDepth = 1_000 });
        var expected = (await executor.ExecuteAsync(request, context)).ToJson();
        ExecutionResult? result = null;

        var thread = new Thread(() => result = executor.ExecuteAsync(request, context).AsTask().GetAwaiter().GetResult(), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(result!.Errors);
        Assert.Equal(expected, result.ToJson());
        Assert.EndsWith(Q("{'name':'leaf'}") + new string('}', Levels + 2), expected);
    }

    private static string DataJson(ExecutionResult result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(result.ToJson());
        return document.RootElement.GetProperty("data").GetRawText();
    }
}
