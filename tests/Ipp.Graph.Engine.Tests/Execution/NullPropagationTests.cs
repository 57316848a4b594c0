using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>
/// Null propagation and field errors as graphql-js 16.15 reports them: a failure in a non-null position makes the
/// nearest nullable parent null (objects, lists, the whole data), errors carry locations and paths with indices.
/// </summary>
public sealed class NullPropagationTests
{
    private const string ObjectsSdl = """
        type Query { a: String b: [Int!] c: Obj d: [Obj!]! e: Obj! }
        type Obj { x: Int! y: String z: [[Int!]]! }
        """;

    private static readonly Lazy<Schema> Objects = new(() => Sdl(ObjectsSdl).Build());

    [Fact]
    public async Task A_null_item_of_a_list_of_non_null_nulls_the_list_and_a_null_non_null_field_its_object()
    {
        var root = Data("""{ "a": "x", "b": [1, null, 3], "c": { "y": "s", "z": [] } }""");

        var json = await Run(Objects.Value, "{ a b c { x y } }", root);

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot return null for non-nullable field Query.b.','locations':[{'line':1,'column':5}],'path':['b',1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'Cannot return null for non-nullable field Obj.x.','locations':[{'line':1,'column':11}],'path':['c','x'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':'x','b':null,'c':null}}"),
            json);
    }

    [Fact]
    public async Task In_nested_lists_null_stops_at_the_nearest_nullable_list()
    {
        var root = Data("""{ "a": "x", "d": [{ "x": 1, "z": [[1], [2, null]] }] }""");

        var json = await Run(Objects.Value, "{ a d { x z } }", root);

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot return null for non-nullable field Obj.z.','locations':[{'line':1,'column':11}],'path':['d',0,'z',1,1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':'x','d':[{'x':1,'z':[[1],null]}]}}"),
            json);
    }

    [Fact]
    public async Task Null_in_a_non_null_root_field_nulls_the_whole_data_and_later_fields_do_not_run()
    {
        var ranAfter = false;
        var schema = Sdl(ObjectsSdl).Resolve("Query.a", _ =>
        {
            ranAfter = true;
            return new("late");
        }).Build();
        var root = Data("""{ "e": { "y": "s", "z": [] } }""");

        var json = await Run(schema, "{ first: e { y } second: e { x y } a }", root);

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot return null for non-nullable field Obj.x.','locations':[{'line':1,'column':30}],'path':['second','x'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':null}"),
            json);
        Assert.False(ranAfter);
    }

    [Fact]
    public async Task An_error_in_a_nullable_field_nulls_only_that_field()
    {
        var schema = Sdl("type Query { items: [Item] } type Item { id: Int! name: String }")
            .Resolve("Item.name", context => ((IReadOnlyDictionary<string, object?>)context.Parent!)["id"] is 2
                ? throw new InvalidOperationException("no name for 2")
                : new ValueTask<object?>("item"))
            .Build();
        var root = Data("""{ "items": [{ "id": 1 }, { "id": 2 }, null] }""");

        var json = await Run(schema, "{ items { id name } }", root);

        Assert.Equal(
            Q("{'errors':[{'message':'no name for 2','locations':[{'line':1,'column':14}],'path':['items',1,'name'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'items':[{'id':1,'name':'item'},{'id':2,'name':null},null]}}"),
            json);
    }

    [Fact]
    public async Task A_pending_failure_in_a_non_null_field_nulls_its_parent_and_errors_below_the_null_are_dropped()
    {
        // graphql-js 16.15 drops errors raised under a position that was already made null.
        var release = new TaskCompletionSource();
        var schema = Sdl("type Query { o: O } type O { required: String! child: C } type C { slow: String }")
            .Resolve("Query.o", _ => new(new object()))
            .Resolve("O.required", async _ =>
            {
                await Task.Yield();
                return null;
            })
            .Resolve("O.child", _ => new(new object()))
            .Resolve("C.slow", async _ =>
            {
                await release.Task.ConfigureAwait(false);
                throw new InvalidOperationException("too late to matter");
            })
            .Build();

        var running = Run(schema, "{ o { required child { slow } } }");
        var json = await WhenRequiredFailed(running, release);

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot return null for non-nullable field O.required.','locations':[{'line':1,'column':7}],'path':['o','required'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'o':null}}"),
            json);
    }

    [Fact]
    public async Task A_non_null_failure_waits_for_pending_earlier_fields_and_reports_their_errors_as_graphql_js_does()
    {
        var gate = new TaskCompletionSource();
        var laterRan = false;
        var schema = Sdl("type Query { o: O } type O { slow: String required: String! later: String }")
            .Resolve("Query.o", _ => new(new object()))
            .Resolve("O.slow", async _ =>
            {
                await gate.Task.ConfigureAwait(false);
                throw new InvalidOperationException("slow failed");
            })
            .Resolve("O.required", _ =>
            {
                gate.SetResult();
                return new((object?)null);
            })
            .Resolve("O.later", _ =>
            {
                laterRan = true;
                return new("later");
            })
            .Build();

        var json = await Run(schema, "{ o { slow required later } }");

        Assert.Equal(
            Q("{'errors':[{'message':'slow failed','locations':[{'line':1,'column':7}],'path':['o','slow'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'Cannot return null for non-nullable field O.required.','locations':[{'line':1,'column':12}],'path':['o','required'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'o':null}}"),
            json);
        Assert.False(laterRan);
    }

    [Fact]
    public async Task A_pending_non_null_failure_reaching_a_waiting_object_nulls_it_with_the_waiting_error()
    {
        // One gate per resolver: completing a gate resumes its single waiter at once, so both complete before the loop looks.
        var requiredGate = new TaskCompletionSource();
        var slowGate = new TaskCompletionSource();
        var schema = Sdl("type Query { o: O } type O { slowRequired: String! slow: String required: String! }")
            .Resolve("Query.o", _ => new(new object()))
            .Resolve("O.slowRequired", async _ =>
            {
                await requiredGate.Task.ConfigureAwait(false);
                return null;
            })
            .Resolve("O.slow", async _ =>
            {
                await slowGate.Task.ConfigureAwait(false);
                throw new InvalidOperationException("slow failed");
            })
            .Resolve("O.required", _ =>
            {
                requiredGate.SetResult();
                slowGate.SetResult();
                return new((object?)null);
            })
            .Build();

        var json = await Run(schema, "{ o { slowRequired slow required } }");

        Assert.Equal(
            Q("{'errors':[{'message':'slow failed','locations':[{'line':1,'column':20}],'path':['o','slow'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},{'message':'Cannot return null for non-nullable field O.required.','locations':[{'line':1,'column':25}],'path':['o','required'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'o':null}}"),
            json);
    }

    [Fact]
    public async Task Pending_items_of_a_list_of_non_null_propagate_into_the_list()
    {
        var schema = Sdl("type Query { list: [Int!] other: String }")
            .Resolve("Query.list", _ => new(new object?[] { 1, null, 3 }))
            .Resolve("Query.other", async _ =>
            {
                await Task.Yield();
                return "other";
            })
            .Build();

        var json = await Run(schema, "{ list other }");

        Assert.Equal(
            Q("{'errors':[{'message':'Cannot return null for non-nullable field Query.list.','locations':[{'line':1,'column':3}],'path':['list',1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'list':null,'other':'other'}}"),
            json);
    }

    /// <summary>Lets the slow resolver go on only after the response is known, proving its error cannot appear.</summary>
    private static async Task<string> WhenRequiredFailed(Task<string> running, TaskCompletionSource release)
    {
        var json = await running;
        release.SetResult();
        return json;
    }
}
