using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Subscriptions as graphql-js's subscribe: one response per event, errors before the stream as one response, and the source disposed however the stream ends.</summary>
public sealed class SubscriptionTests
{
    private const string Sdl_ = """
        type Query { x: Int }
        type Subscription { counter(from: Int!): Int! message: Message }
        type Message { text: String upper: String }
        """;

    [Fact]
    public async Task Each_event_executes_the_operation_with_the_event_as_the_fields_value()
    {
        var source = new Source([1, 2, 3]);
        var schema = Builder(counter: context => new(source.Events((int)context.Arguments["from"]!))).Build();

        var responses = await Collect(schema, "subscription { counter(from: 10) }");

        Assert.Equal([Q("{'data':{'counter':11}}"), Q("{'data':{'counter':12}}"), Q("{'data':{'counter':13}}")], responses);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task The_fields_resolver_maps_each_event_and_sub_selections_execute_against_it()
    {
        var source = new Source([1, 2]);
        var schema = Builder(message: _ => new(source.Events(0)))
            .Resolve("Subscription.message", context => new(Data($$"""{ "text": "event {{context.Parent}}" }""")))
            .Resolve("Message.upper", context => new(((string)((IReadOnlyDictionary<string, object?>)context.Parent!)["text"]!).ToUpperInvariant()))
            .Build();

        var responses = await Collect(schema, "subscription { message { text upper } }");

        Assert.Equal(
            [Q("{'data':{'message':{'text':'event 1','upper':'EVENT 1'}}}"), Q("{'data':{'message':{'text':'event 2','upper':'EVENT 2'}}}")],
            responses);
    }

    [Fact]
    public async Task Errors_while_executing_an_event_are_in_its_response_and_the_stream_goes_on()
    {
        var source = new Source([1, -1, 2]);
        var schema = Builder(counter: _ => new(source.Events(0)))
            .Resolve("Subscription.counter", context => (int)context.Parent! < 0 ? throw new InvalidOperationException("negative") : new(context.Parent))
            .Build();

        var responses = await Collect(schema, "subscription { counter(from: 0) }");

        Assert.Equal(
            [
                Q("{'data':{'counter':1}}"),
                Q("{'errors':[{'message':'negative','locations':[{'line':1,'column':16}],'path':['counter'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':null}"),
                Q("{'data':{'counter':2}}"),
            ],
            responses);
    }

    [Fact]
    public async Task A_failing_subscriber_gives_one_response_with_the_located_error_and_no_data()
    {
        var schema = Builder(counter: _ => throw new InvalidOperationException("no such topic")).Build();

        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription {\n  counter(from: 1)\n}"));

        Assert.False(result.IsStream);
        Assert.Equal(
            Q("{'errors':[{'message':'no such topic','locations':[{'line':2,'column':3}],'path':['counter'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}]}"),
            result.Result!.ToJson());
    }

    [Fact]
    public async Task Invalid_variables_give_one_response()
    {
        var schema = Builder(counter: _ => new(new Source([1]).Events(0))).Build();

        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription ($n: Int!) { counter(from: $n) }"));

        Assert.Equal(
            Q("{'errors':[{'message':'Variable `$n` of required type `Int!` was not provided.','locations':[{'line':1,'column':15}],'extensions':{'code':'BAD_USER_INPUT'}}]}"),
            result.Result!.ToJson());
    }

    [Fact]
    public async Task A_source_that_throws_ends_the_stream_with_a_response_holding_the_error_and_is_disposed()
    {
        var source = new Source([1, 2], failAfter: true);
        var schema = Builder(counter: _ => new(source.Events(0))).Build();

        var responses = await Collect(schema, "subscription { counter(from: 0) }");

        Assert.Equal(
            [
                Q("{'data':{'counter':1}}"),
                Q("{'data':{'counter':2}}"),
                Q("{'errors':[{'message':'source broke','extensions':{'code':'INTERNAL_SERVER_ERROR'}}]}"),
            ],
            responses);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task Stopping_early_disposes_the_source()
    {
        var source = new Source([1, 2, 3, 4]);
        var schema = Builder(counter: _ => new(source.Events(0))).Build();
        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription { counter(from: 0) }"));

        var seen = new List<string>();
        await foreach (var response in result.Stream!)
        {
            seen.Add(response.ToJson());
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([Q("{'data':{'counter':1}}"), Q("{'data':{'counter':2}}")], seen);
        Assert.True(source.Disposed);
        Assert.Equal(2, source.Produced);
    }

    [Fact]
    public async Task Cancelling_ends_the_stream_and_disposes_a_source_that_honours_cancellation()
    {
        var channel = Channel.CreateUnbounded<object?>();
        var disposed = new TaskCompletionSource();
        var schema = Builder(counter: context => new(Read(channel, disposed, context.CancellationToken))).Build();
        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription { counter(from: 0) }"));
        using var cancellation = new CancellationTokenSource();
        await using var enumerator = result.Stream!.GetAsyncEnumerator(cancellation.Token);

        await channel.Writer.WriteAsync(7);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(Q("{'data':{'counter':7}}"), enumerator.Current.ToJson());
        var waiting = enumerator.MoveNextAsync();
        cancellation.Cancel();

        Assert.False(await waiting);
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Cancelling_ends_the_stream_even_when_the_source_ignores_cancellation_and_disposes_it_when_its_wait_ends()
    {
        var release = new TaskCompletionSource<object?>();
        var disposed = new TaskCompletionSource();
        var schema = Builder(counter: _ => new(Stubborn(release, disposed))).Build();
        var context = new RequestContext();
        using var cancellation = new CancellationTokenSource();
        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription { counter(from: 0) }"), context: context);
        var enumerator = result.Stream!.GetAsyncEnumerator(cancellation.Token);

        var waiting = enumerator.MoveNextAsync();
        cancellation.Cancel();
        Assert.False(await waiting);
        await enumerator.DisposeAsync();
        Assert.False(disposed.Task.IsCompleted);

        release.SetResult(1);
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_client_going_away_ends_the_stream_and_disposes_the_source()
    {
        var channel = Channel.CreateUnbounded<object?>();
        var disposed = new TaskCompletionSource();
        var schema = Builder(counter: _ => new(Read(channel, disposed))).Build();
        using var connection = new CancellationTokenSource();
        var result = await Executor.SubscribeAsync(
            schema, Parser.Parse("subscription { counter(from: 0) }"), context: new RequestContext { CancellationToken = connection.Token });
        await using var enumerator = result.Stream!.GetAsyncEnumerator();

        await channel.Writer.WriteAsync(7);
        Assert.True(await enumerator.MoveNextAsync());
        var waiting = enumerator.MoveNextAsync();
        connection.Cancel();

        Assert.False(await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_event_over_the_time_limit_gets_a_timeout_response_and_the_stream_goes_on()
    {
        var source = new Source([1, 2]);
        var schema = Builder(counter: _ => new(source.Events(0)))
            .Resolve("Subscription.counter", async context =>
            {
                if (context.Parent is 1)
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }

                return context.Parent;
            })
            .Build();
        var options = new EngineOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(50) };
        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription { counter(from: 0) }"), options: options);

        var responses = new List<string>();
        await foreach (var response in result.Stream!)
        {
            responses.Add(response.ToJson());
        }

        Assert.Equal(
            [Q("{'errors':[{'message':'Execution timed out after 50 ms.','extensions':{'code':'EXECUTION_TIMEOUT'}}],'data':null}"), Q("{'data':{'counter':2}}")],
            responses);
    }

    [Fact]
    public async Task Executed_as_a_query_a_subscription_resolves_its_root_fields_once_as_graphql_js_does()
    {
        var schema = Builder().Build();

        var json = await Run(schema, "subscription { counter(from: 1) }", Data("""{ "counter": 5 }"""));

        Assert.Equal(Q("{'data':{'counter':5}}"), json);
    }

    [Fact]
    public async Task The_request_executor_validates_subscriptions()
    {
        var schema = Builder(counter: _ => new(new Source([1]).Events(0))).Build();
        var executor = new RequestExecutor(schema);

        var result = await executor.SubscribeAsync(new GraphQLRequest { Query = "subscription { counter(from: 1) x: counter(from: 2) }" }, new RequestContext());

        Assert.False(result.IsStream);
        Assert.Equal("Anonymous Subscription must select only one top level field.", Assert.Single(result.Result!.Errors!).Message);
    }

    /// <summary>The schema's builder with both subscription fields bound: to the given subscribers, or to empty streams.</summary>
    private static Engine.Binding.SchemaBuilder Builder(SubscriptionResolver? counter = null, SubscriptionResolver? message = null) =>
        Sdl(Sdl_)
            .Subscribe("Subscription.counter", counter ?? (_ => new(new Source([]).Events(0))))
            .Subscribe("Subscription.message", message ?? (_ => new(new Source([]).Events(0))));

    private static async Task<List<string>> Collect(Schema schema, string query)
    {
        var result = await Executor.SubscribeAsync(schema, Parser.Parse(query));
        Assert.True(result.IsStream, result.Result?.ToJson());
        var responses = new List<string>();
        await foreach (var response in result.Stream!)
        {
            responses.Add(response.ToJson());
        }

        return responses;
    }

    private static async IAsyncEnumerable<object?> Read(Channel<object?> channel, TaskCompletionSource disposed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            disposed.SetResult();
        }
    }

    private static async IAsyncEnumerable<object?> Stubborn(TaskCompletionSource<object?> release, TaskCompletionSource disposed)
    {
        try
        {
            yield return await release.Task;
        }
        finally
        {
            disposed.SetResult();
        }
    }

    /// <summary>A source stream of given events that records how far it was read and whether it was disposed.</summary>
    private sealed class Source(int[] events, bool failAfter = false)
    {
        public bool Disposed { get; private set; }

        public int Produced { get; private set; }

        public async IAsyncEnumerable<object?> Events(int offset)
        {
            try
            {
                foreach (var value in events)
                {
                    await Task.Yield();
                    Produced++;
                    yield return value + offset;
                }

                if (failAfter)
                {
                    throw new InvalidOperationException("source broke");
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
