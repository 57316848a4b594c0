using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>The front door: caching of documents and plans, limits, time limit, and no exception for anything a client sends.</summary>
public sealed class RequestExecutorTests
{
    private static readonly Lazy<Schema> Schema = new(() => Sdl("""
            type Query { hello(name: String = "world"): String items: [Item] wait: String }
            type Item { id: Int sub: Item }
            """)
        .Resolve("Query.hello", context => new("hello " + context.Arguments["name"]))
        .Resolve("Query.items", _ => new(Data("""[{ "id": 1, "sub": { "id": 2 } }, { "id": 3 }]""")))
        .Resolve("Query.wait", async context =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "never";
        })
        .Build());

    [Fact]
    public async Task A_cached_document_is_parsed_validated_and_planned_once()
    {
        var executor = new RequestExecutor(Schema.Value);
        const string Query = "query ($n: String) { hello(name: $n) items { id sub { id } } }";

        var first = await Execute(executor, Query, """{ "n": "one" }""");
        var planned = executor.SelectionSetsCollected;
        var second = await Execute(executor, Query, """{ "n": "two" }""");

        Assert.Equal(Q("{'data':{'hello':'hello one','items':[{'id':1,'sub':{'id':2}},{'id':3,'sub':null}]}}"), first);
        Assert.Equal(Q("{'data':{'hello':'hello two','items':[{'id':1,'sub':{'id':2}},{'id':3,'sub':null}]}}"), second);
        Assert.Equal(1, executor.DocumentsPrepared);
        Assert.Equal(3, planned);
        Assert.Equal(planned, executor.SelectionSetsCollected);
    }

    /// <summary>A host asks what a request would run, then runs it: its text is looked up in the cache once.</summary>
    [Fact]
    public async Task A_request_asked_about_and_then_run_is_looked_up_once()
    {
        var executor = new RequestExecutor(Schema.Value);
        var request = new GraphQLRequest { Query = "{ hello }" };

        Assert.Equal(OperationType.Query, executor.GetOperationType(request));
        Assert.Equal(OperationType.Query, executor.GetOperation(request)?.Operation);
        var result = await executor.ExecuteAsync(request, new RequestContext());

        Assert.Equal(Q("{'data':{'hello':'hello world'}}"), result.ToJson());
        Assert.Equal(1, executor.DocumentLookups);
        Assert.Equal(1, executor.DocumentsPrepared);
    }

    /// <summary>One request run by two executors of different schemas: each runs the document as prepared for its own schema.</summary>
    [Fact]
    public async Task A_request_run_by_another_executor_is_prepared_for_that_executors_schema()
    {
        var other = new RequestExecutor(Sdl("type Query { hello: Int }").Resolve("Query.hello", _ => new(42)).Build());
        var executor = new RequestExecutor(Schema.Value);
        var request = new GraphQLRequest { Query = "{ hello }" };

        var first = await executor.ExecuteAsync(request, new RequestContext());
        var second = await other.ExecuteAsync(request, new RequestContext());
        var third = await executor.ExecuteAsync(request, new RequestContext());

        Assert.Equal(Q("{'data':{'hello':'hello world'}}"), first.ToJson());
        Assert.Equal(Q("{'data':{'hello':42}}"), second.ToJson());
        Assert.Equal(Q("{'data':{'hello':'hello world'}}"), third.ToJson());
        Assert.Equal(1, other.DocumentsPrepared);
    }

    /// <summary>
    /// An execution that completes synchronously leaves its state to the thread's next one: what it returned (the tree,
    /// the errors, its execution id) must stay its own while later executions run on the same thread.
    /// </summary>
    [Fact]
    public void Results_stay_whole_while_later_executions_on_the_thread_reuse_the_state()
    {
        var ids = new List<long>();
        var schema = Sdl("type Query { id: Float items: [Item] broken: String }  type Item { id: Int sub: Item }")
            .Resolve("Query.id", context => { ids.Add(context.ExecutionId); return new((double)context.ExecutionId); })
            .Resolve("Query.items", _ => new(Data("""[{ "id": 1, "sub": { "id": 2 } }, { "id": 3 }]""")))
            .Resolve("Query.broken", _ => throw new InvalidOperationException("broken"))
            .Build();
        var executor = new RequestExecutor(schema);
        ExecutionResult Run(string query)
        {
            var pending = executor.ExecuteAsync(new GraphQLRequest { Query = query }, new RequestContext());
            Assert.True(pending.IsCompletedSuccessfully, "the execution completes synchronously");
            return pending.Result;
        }

        var first = Run("{ items { id sub { id } } broken }");
        var second = Run("{ broken items { id } }");
        var third = Run("{ id }");
        var fourth = Run("{ id }");

        Assert.Equal(Q("{'errors':[{'message':'broken','locations':[{'line':1,'column':27}],'path':['broken'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'items':[{'id':1,'sub':{'id':2}},{'id':3,'sub':null}],'broken':null}}"), first.ToJson());
        Assert.Equal(Q("{'errors':[{'message':'broken','locations':[{'line':1,'column':3}],'path':['broken'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'broken':null,'items':[{'id':1},{'id':3}]}}"), second.ToJson());
        Assert.Single(first.Errors!);
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.NotEqual(third.ToJson(), fourth.ToJson());
    }

    [Fact]
    public async Task The_document_cache_stays_within_its_size_under_a_flood_of_distinct_documents()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { DocumentCacheSize = 20 });

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Q($"{{'data':{{'a{i}':'hello world'}}}}"), await Execute(executor, $"{{ a{i}: hello }}"));
        }

        Assert.InRange(executor.CachedDocuments, 1, 20);
        Assert.Equal(200, executor.DocumentsPrepared);
    }

    [Fact]
    public async Task The_document_cache_stays_within_its_text_budget_under_a_flood_of_long_documents()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { DocumentCacheSize = 10 });
        var padding = new string(' ', 3_000);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Q($"{{'data':{{'a{i}':'hello world'}}}}"), await Execute(executor, $"{{ a{i}: hello {padding}}}"));
        }

        Assert.InRange(executor.CachedCharacters, 1, 10 * EngineOptions.CachedCharactersPerDocument);
    }

    [Fact]
    public async Task A_cache_size_of_zero_caches_nothing()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { DocumentCacheSize = 0 });

        await Execute(executor, "{ hello }");
        await Execute(executor, "{ hello }");

        Assert.Equal(2, executor.DocumentsPrepared);
        Assert.Equal(0, executor.CachedDocuments);
    }

    [Fact]
    public async Task Recently_used_documents_survive_eviction()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { DocumentCacheSize = 10 });
        const string Hot = "{ hot: hello }";

        for (var i = 0; i < 50; i++)
        {
            await Execute(executor, Hot);
            await Execute(executor, $"{{ cold{i}: hello }}");
        }

        Assert.Equal(51, executor.DocumentsPrepared);
    }

    [Fact]
    public async Task A_document_is_not_evicted_by_its_own_arrival_in_a_full_cache()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { DocumentCacheSize = 10 });
        for (var i = 0; i < 10; i++)
        {
            await Execute(executor, $"{{ a{i}: hello }}");
        }

        await Execute(executor, "{ newest: hello }");
        await Execute(executor, "{ newest: hello }");

        Assert.Equal(11, executor.DocumentsPrepared);
    }

    [Theory]
    [InlineData("{ hello", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ hello nope }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ items { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { sub { id } } } } } } } } } } } } } } } } } } } } }", "MAX_DEPTH_EXCEEDED")]
    public async Task A_document_that_fails_is_cached_with_its_errors(string query, string code)
    {
        var executor = new RequestExecutor(Schema.Value);

        var first = await Execute(executor, query);
        var second = await Execute(executor, query);

        Assert.Contains(Q($"'code':'{code}'"), first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(1, executor.DocumentsPrepared);
    }

    [Fact]
    public async Task Syntax_errors_have_the_parse_code_and_no_data()
    {
        var json = await Execute(new RequestExecutor(Schema.Value), "{ hello");

        Assert.Equal(
            Q("{'errors':[{'message':'Syntax Error: Expected Name, found <EOF>.','locations':[{'line':1,'column':8}],'extensions':{'code':'GRAPHQL_PARSE_FAILED'}}]}"),
            json);
    }

    [Fact]
    public async Task Validation_errors_have_the_validation_code_and_no_data()
    {
        var json = await Execute(new RequestExecutor(Schema.Value), "{ hello nope }");

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot query field `nope` on type `Query`.','locations':[{'line':1,'column':9}],'extensions':{'code':'GRAPHQL_VALIDATION_FAILED'}}]}"),
            json);
    }

    [Fact]
    public async Task Validation_stops_at_the_configured_number_of_errors()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { MaxValidationErrors = 2 });

        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ a b c d }" }, new RequestContext());

        Assert.Equal(3, result.Errors!.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", result.Errors[2].Message);
    }

    [Fact]
    public async Task A_document_longer_than_the_limit_is_refused_before_parsing()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { MaxDocumentLength = 10 });

        var json = await Execute(executor, "{ hello hello }");

        Assert.Equal(
            Q("{'errors':[{'message':'The document is 15 characters long, more than the limit of 10.','extensions':{'code':'DOCUMENT_TOO_LARGE'}}]}"),
            json);
        Assert.Equal(0, executor.DocumentsPrepared);
    }

    [Fact]
    public async Task A_document_with_too_many_tokens_is_refused()
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { MaxTokens = 5 });

        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ a: hello b: hello }" }, new RequestContext());

        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.MaxTokensExceeded, Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_parser_allows_is_refused_with_the_depth_code()
    {
        var nested = new string('[', 300) + "1" + new string(']', 300);

        var result = await new RequestExecutor(Schema.Value).ExecuteAsync(
            new GraphQLRequest { Query = $"{{ hello(name: {nested}) }}" }, new RequestContext());

        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, Assert.Single(result.Errors!).Code);
    }

    [Theory]
    [InlineData("{ items { sub { sub { id } } } }", 3, 0, 0, "Anonymous operation exceeds the maximum depth of 3.", "MAX_DEPTH_EXCEEDED", 23)]
    [InlineData("query Q { ...F hello } fragment F on Query { hello items { id } }", 0, 3, 0, "Operation `Q` exceeds the maximum of 3 fields (fragments expanded).", "MAX_FIELDS_EXCEEDED", 16)]
    [InlineData("{ a: hello b: hello c: hello }", 0, 0, 2, "Anonymous operation exceeds the maximum of 2 aliases (fragments expanded).", "MAX_ALIASES_EXCEEDED", 21)]
    public async Task Documents_beyond_the_depth_field_or_alias_limits_are_refused_before_validation(
        string query, int maxDepth, int maxFields, int maxAliases, string message, string code, int column)
    {
        var executor = new RequestExecutor(Schema.Value, new EngineOptions { MaxDepth = maxDepth, MaxFields = maxFields, MaxAliases = maxAliases });

        var json = await Execute(executor, query);

        Assert.Equal(Q($"{{'errors':[{{'message':'{message}','locations':[{{'line':1,'column':{column}}}],'extensions':{{'code':'{code}'}}}}]}}"), json);
    }

    [Fact]
    public async Task The_full_introspection_query_is_within_the_default_limits()
    {
        var query = Engine.Utilities.IntrospectionQuery.Get(new Engine.Utilities.IntrospectionOptions
        {
            SpecifiedByUrl = true,
            DirectiveIsRepeatable = true,
            SchemaDescription = true,
            InputValueDeprecation = true,
            OneOf = true,
        });

        var result = await new RequestExecutor(Schema.Value).ExecuteAsync(new GraphQLRequest { Query = query }, new RequestContext());

        Assert.Null(result.Errors);
        Assert.True(result.HasData);
    }

    [Fact]
    public async Task An_execution_over_its_time_limit_answers_with_a_timeout_error_and_cancels_its_resolvers()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        var schema = Sdl("type Query { hello: String wait: String }")
            .Resolve("Query.hello", _ => new("hello"))
            .Resolve("Query.wait", async context =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled.SetResult();
                    throw;
                }

                return "never";
            })
            .Build();
        var executor = new RequestExecutor(schema, new EngineOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(50) });

        var json = await Execute(executor, "{ hello wait }");

        Assert.Equal(Q("{'errors':[{'message':'Execution timed out after 50 ms.','extensions':{'code':'EXECUTION_TIMEOUT'}}],'data':null}"), json);
        // On a heavily loaded machine the 50 ms can pass before `wait` is even called; once called, it is cancelled.
        if (started.Task.IsCompleted)
        {
            await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task Cancellation_by_the_host_surfaces_as_operation_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var running = new RequestExecutor(Schema.Value)
            .ExecuteAsync(new GraphQLRequest { Query = "{ wait }" }, new RequestContext { CancellationToken = cancellation.Token });

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await running);
    }

    [Fact]
    public async Task The_root_value_comes_from_the_request_context()
    {
        var schema = Sdl("type Query { a: String }").Build();
        var result = await new RequestExecutor(schema).ExecuteAsync(
            new GraphQLRequest { Query = "{ a }" }, new RequestContext { RootValue = Data("""{ "a": "from root" }""") });

        Assert.Equal(Q("{'data':{'a':'from root'}}"), result.ToJson());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("query ($x: [[[Int]]]) { hello }")]
    [InlineData("{ hello(name: {a: [1, {b: $v}]}) }")]
    [InlineData("subscription { hello }")]
    [InlineData("mutation { hello }")]
    [InlineData("\u0000\uFFFF")]
    [InlineData("query Q { hello } query Q { hello }")]
    public async Task Nothing_a_client_sends_makes_it_throw(string? query)
    {
        var executor = new RequestExecutor(Schema.Value);
        object?[] variables = [null, Support.Json.Parse("""{ "x": [[["deep"]]], "v": {} }"""), Support.Json.Parse("\"text\""), 42];

        foreach (var value in variables)
        {
            var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query!, Variables = value }, new RequestContext());
            var subscription = await executor.SubscribeAsync(new GraphQLRequest { Query = query!, Variables = value }, new RequestContext());

            Assert.True(result.HasData || result.Errors is { Count: > 0 });
            Assert.False(subscription.IsStream);
            using var parsed = JsonDocument.Parse(result.ToJson());
        }
    }

    [Theory]
    [InlineData("{ hello }", null, OperationType.Query)]
    [InlineData("mutation M { hello } query Q { hello }", "M", OperationType.Mutation)]
    [InlineData("mutation M { hello } query Q { hello }", "Q", OperationType.Query)]
    [InlineData("subscription { hello }", null, OperationType.Subscription)]
    [InlineData("{", null, null)]
    [InlineData("{ nope }", null, null)]
    [InlineData("query A { hello } query B { hello }", null, null)]
    [InlineData("query A { hello }", "B", null)]
    public void The_operation_type_of_a_request_is_known_before_it_runs(string query, string? operationName, OperationType? expected)
    {
        var schema = Sdl("type Query { hello: String } type Mutation { hello: String } type Subscription { hello: String }")
            .Subscribe("Subscription.hello", _ => new(AsyncEnumerable.Empty<object?>()))
            .Build();
        var executor = new RequestExecutor(schema);

        Assert.Equal(expected, executor.GetOperationType(new GraphQLRequest { Query = query, OperationName = operationName }));
        Assert.Equal(1, executor.DocumentsPrepared);
    }

    private static async Task<string> Execute(RequestExecutor executor, string query, string? variables = null)
    {
        var request = new GraphQLRequest { Query = query, Variables = variables is null ? null : Support.Json.Parse(variables) };
        return (await executor.ExecuteAsync(request, new RequestContext())).ToJson();
    }
}
