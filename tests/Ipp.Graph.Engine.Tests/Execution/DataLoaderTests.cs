using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.DataLoader;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Data loaders batch the keys requested while the executor has synchronous work, once per key per request.</summary>
public sealed class DataLoaderTests
{
    private const string BooksSdl = """
        type Query { books: [Book] }
        type Book { id: Int! author: Author }
        type Author { name: String friends: [Author] }
        """;

    [Fact]
    public async Task A_list_of_items_each_loading_one_key_costs_one_batch_of_distinct_keys()
    {
        var batches = new List<IReadOnlyList<int>>();
        var schema = Books(batches, asyncBatch: false);
        var root = Data("""{ "books": [{ "id": 1 }, { "id": 2 }, { "id": 1 }, { "id": 3 }] }""");

        var json = await Run(schema, "{ books { id author { name } } }", root);

        Assert.Equal(
            Q("{'data':{'books':[{'id':1,'author':{'name':'author 10'}},{'id':2,'author':{'name':'author 20'}},{'id':1,'author':{'name':'author 10'}},{'id':3,'author':{'name':'author 30'}}]}}"),
            json);
        var batch = Assert.Single(batches);
        Assert.Equal([10, 20, 30], batch);
    }

    [Fact]
    public async Task Each_level_of_a_tree_costs_one_batch_even_when_the_batch_function_is_asynchronous()
    {
        var batches = new List<IReadOnlyList<int>>();
        var schema = Books(batches, asyncBatch: true);
        var root = Data("""{ "books": [{ "id": 1 }, { "id": 2 }] }""");

        var json = await Run(schema, "{ books { author { name friends { name } } } }", root);

        Assert.Equal(
            Q("{'data':{'books':[{'author':{'name':'author 10','friends':[{'name':'author 11'},{'name':'author 12'}]}},{'author':{'name':'author 20','friends':[{'name':'author 21'},{'name':'author 22'}]}}]}}"),
            json);
        Assert.Equal(2, batches.Count);
        Assert.Equal([10, 20], batches[0]);
        Assert.Equal([11, 12, 21, 22], batches[1]);
    }

    [Fact]
    public async Task A_failing_batch_fails_every_field_waiting_on_it_and_its_keys_load_again_later()
    {
        var calls = 0;
        var context = new RequestContext();
        var schema = Sdl("type Query { a: String b: String }")
            .Resolve("Query.a", ctx => LoadName(ctx, "a"))
            .Resolve("Query.b", ctx => LoadName(ctx, "b"))
            .Build();

        async ValueTask<object?> LoadName(ResolveContext ctx, string key) =>
            await ctx.Request.DataLoader<string, string>("names", (keys, _) =>
                ++calls == 1
                    ? throw new InvalidOperationException("store down")
                    : new ValueTask<IReadOnlyList<string>>(keys.Select(k => k.ToUpperInvariant()).ToArray())).LoadAsync(key);

        var first = await Run(schema, "{ a b }", context: context);
        var second = await Run(schema, "{ a b }", context: context);

        Assert.Equal(
            Q("{'errors':[{'message':'store down','locations':[{'line':1,'column':3}],'path':['a'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'store down','locations':[{'line':1,'column':5}],'path':['b'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':null,'b':null}}"),
            first);
        Assert.Equal(Q("{'data':{'a':'A','b':'B'}}"), second);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_batch_returning_the_wrong_number_of_values_fails_its_keys()
    {
        var schema = Sdl("type Query { a: String }")
            .Resolve("Query.a", async ctx => await ctx.Request
                .DataLoader<string, string>("short", (_, _) => new ValueTask<IReadOnlyList<string>>(Array.Empty<string>()))
                .LoadAsync("x"))
            .Build();

        var json = await Run(schema, "{ a }");

        Assert.Equal(
            Q("{'errors':[{'message':'The batch function of data loader `short` returned 0 values for 1 keys; it must return one value per key, in the order of the keys.','locations':[{'line':1,'column':3}],'path':['a'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':null}}"),
            json);
    }

    [Fact]
    public async Task Keys_are_split_into_batches_of_the_maximum_size_and_missing_dictionary_keys_load_as_null()
    {
        var batches = new List<IReadOnlyList<int>>();
        var schema = Sdl("type Query { numbers: [Int] } ")
            .Resolve("Query.numbers", async ctx =>
            {
                var loader = ctx.Request.DataLoader<int, string>(
                    "evens",
                    (keys, _) =>
                    {
                        batches.Add(keys);
                        return new ValueTask<IReadOnlyDictionary<int, string>>(keys.Where(k => k % 2 == 0).ToDictionary(k => k, k => k.ToString()));
                    },
                    maxBatchSize: 2);
                return await loader.LoadManyAsync([1, 2, 3, 4, 5]);
            })
            .Build();

        var json = await Run(schema, "{ numbers }");

        Assert.Equal(Q("{'data':{'numbers':[null,2,null,4,null]}}"), json);
        Assert.Equal([[1, 2], [3, 4], [5]], batches);
    }

    [Fact]
    public async Task Loads_outside_any_execution_are_dispatched_on_their_own()
    {
        var context = new RequestContext();
        var loader = context.DataLoader<int, int>("double", (keys, _) => new ValueTask<IReadOnlyList<int>>(keys.Select(k => k * 2).ToArray()));

        var values = await Task.WhenAll(loader.LoadAsync(1).AsTask(), loader.LoadAsync(2).AsTask()).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([2, 4], values);
    }

    [Fact]
    public async Task Primed_keys_are_not_loaded_and_cleared_keys_load_again()
    {
        var batches = new List<IReadOnlyList<int>>();
        var context = new RequestContext();
        var loader = context.DataLoader<int, string>("names", (keys, _) =>
        {
            batches.Add(keys);
            return new ValueTask<IReadOnlyList<string>>(keys.Select(k => "loaded " + k).ToArray());
        });

        loader.Prime(1, "primed 1");
        var first = await Task.WhenAll(loader.LoadAsync(1).AsTask(), loader.LoadAsync(2).AsTask()).WaitAsync(TimeSpan.FromSeconds(20));
        loader.Clear(1);
        var second = await loader.LoadAsync(1).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["primed 1", "loaded 2"], first);
        Assert.Equal("loaded 1", second);
        Assert.Equal([[2], [1]], batches);
    }

    [Fact]
    public void A_loader_name_reused_with_other_types_is_refused()
    {
        var context = new RequestContext();
        context.DataLoader<int, int>("x", (keys, _) => new ValueTask<IReadOnlyList<int>>(keys.ToArray()));

        Assert.Throws<InvalidOperationException>(() =>
            context.DataLoader<string, int>("x", (keys, _) => new ValueTask<IReadOnlyList<int>>(new int[keys.Count])));
    }

    /// <summary>Books whose authors (and authors' friends) load through one data loader; each batch's keys are recorded.</summary>
    private static Schema Books(List<IReadOnlyList<int>> batches, bool asyncBatch)
    {
        async ValueTask<IReadOnlyList<Dictionary<string, object?>>> LoadAuthors(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            lock (batches)
            {
                batches.Add(keys);
            }

            if (asyncBatch)
            {
                await Task.Delay(1, cancellationToken);
            }

            return keys.Select(key => new Dictionary<string, object?> { ["id"] = key, ["name"] = "author " + key }).ToArray();
        }

        static DataLoader<int, Dictionary<string, object?>> Authors(ResolveContext context, Func<IReadOnlyList<int>, CancellationToken, ValueTask<IReadOnlyList<Dictionary<string, object?>>>> load) =>
            context.Request.DataLoader("authors", load);

        return Sdl(BooksSdl)
            .Resolve("Book.author", async context =>
                await Authors(context, LoadAuthors).LoadAsync((int)((IReadOnlyDictionary<string, object?>)context.Parent!)["id"]! * 10))
            .Resolve("Author.friends", async context =>
            {
                var id = (int)((IReadOnlyDictionary<string, object?>)context.Parent!)["id"]!;
                return await Authors(context, LoadAuthors).LoadManyAsync([id + 1, id + 2]);
            })
            .Build();
    }
}
