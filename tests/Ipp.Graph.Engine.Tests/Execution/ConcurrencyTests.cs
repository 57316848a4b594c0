using System.Collections.Concurrent;
using Ipp.Graph.Engine.Execution;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Sibling fields of queries run concurrently; root fields of mutations run one after another, each with its whole sub-tree.</summary>
public sealed class ConcurrencyTests
{
    /// <summary>Only guards against a hang if the behaviour under test is broken; no test depends on timing.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sibling_query_fields_all_start_before_any_is_awaited()
    {
        var started = 0;
        var allStarted = new TaskCompletionSource();
        async ValueTask<object?> WaitForOthers(string value)
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }

            // Completes only if all three resolvers overlap.
            await allStarted.Task.WaitAsync(HangGuard);
            return value;
        }

        var schema = Sdl("type Query { a: String b: String o: O } type O { c: String }")
            .Resolve("Query.a", _ => WaitForOthers("A"))
            .Resolve("Query.b", _ => WaitForOthers("B"))
            .Resolve("Query.o", _ => new(new object()))
            .Resolve("O.c", _ => WaitForOthers("C"))
            .Build();

        var json = await Run(schema, "{ a b o { c } }");

        Assert.Equal(Q("{'data':{'a':'A','b':'B','o':{'c':'C'}}}"), json);
    }

    [Fact]
    public async Task Mutation_root_fields_run_serially_each_with_its_sub_tree_complete()
    {
        var log = new ConcurrentQueue<string>();
        var schema = Sdl("""
                type Query { x: Int }
                type Mutation { first: Result second: Result }
                type Result { name: String detail: String }
                """)
            .Resolve("Mutation.first", async _ =>
            {
                log.Enqueue("first started");
                await Task.Delay(50);
                log.Enqueue("first done");
                return "first";
            })
            .Resolve("Mutation.second", async _ =>
            {
                log.Enqueue("second started");
                await Task.Yield();
                log.Enqueue("second done");
                return "second";
            })
            .Resolve("Result.name", context => new(context.Parent))
            .Resolve("Result.detail", async context =>
            {
                log.Enqueue(context.Parent + " detail started");
                await Task.Delay(context.Parent is "first" ? 50 : 1);
                log.Enqueue(context.Parent + " detail done");
                return "detail";
            })
            .Build();

        var json = await Run(schema, "mutation { first { name detail } second { name detail } }");

        Assert.Equal(
            Q("{'data':{'first':{'name':'first','detail':'detail'},'second':{'name':'second','detail':'detail'}}}"),
            json);
        Assert.Equal(
            [
                "first started", "first done", "first detail started", "first detail done",
                "second started", "second done", "second detail started", "second detail done",
            ],
            log);
    }

    [Fact]
    public async Task A_failing_non_null_mutation_stops_the_mutations_after_it()
    {
        var secondRan = false;
        var schema = Sdl("type Query { x: Int } type Mutation { first: String! second: String }")
            .Resolve("Mutation.first", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("first failed");
            })
            .Resolve("Mutation.second", _ =>
            {
                secondRan = true;
                return new("second");
            })
            .Build();

        var json = await Run(schema, "mutation { first second }");

        Assert.Equal(
            Q("{'errors':[{'message':'first failed','locations':[{'line':1,'column':12}],'path':['first'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':null}"),
            json);
        Assert.False(secondRan);
    }

    [Fact]
    public async Task Concurrent_requests_share_cached_plans_safely()
    {
        var schema = Sdl("type Query { items(n: Int!): [Item] } type Item { id: Int name: String }")
            .Resolve("Query.items", async context =>
            {
                await Task.Yield();
                return Enumerable.Range(0, (int)context.Arguments["n"]!).Select(i => new Dictionary<string, object?> { ["id"] = i, ["name"] = "n" + i }).ToList();
            })
            .Build();
        var executor = new RequestExecutor(schema);
        async Task<string> Execute(int n) => (await executor.ExecuteAsync(
            new GraphQLRequest { Query = "query ($n: Int!) { items(n: $n) { id name } }", Variables = new Dictionary<string, object?> { ["n"] = n } },
            new RequestContext())).ToJson();
        await Execute(1);
        var planned = executor.SelectionSetsCollected;

        var runs = await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(async () => (n % 4, await Execute(n % 4)))));

        foreach (var (n, json) in runs)
        {
            var items = string.Join(",", Enumerable.Range(0, n).Select(i => $"{{'id':{i},'name':'n{i}'}}"));
            Assert.Equal(Q($"{{'data':{{'items':[{items}]}}}}"), json);
        }

        Assert.Equal(2, planned);
        Assert.Equal(planned, executor.SelectionSetsCollected);
    }
}
