using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The real server serving a schema made for testing the streaming transports (in place of the contract's), whose
/// subscription sources the tests drive and watch: <c>events</c> yields what <see cref="TestEvents.Publish"/> sends
/// and records when its source is disposed. The caller comes from <see cref="TestAuthenticator"/>'s tokens.
/// </summary>
public static class StreamingServer
{
    public const string Sdl = """
        type Query {
          hello: String!
          caller: String
          boom: String
        }

        type Mutation {
          shout(text: String!): String!
        }

        type Subscription {
          counter(to: Int!): Int!
          events: String!
          failing: Int!
          secret: String!
        }
        """;

    /// <summary>Starts the server with the test schema; <paramref name="settings"/> are extra <c>--Key=Value</c> arguments.</summary>
    public static Task<RunningServer> StartAsync(params string[] settings) =>
        RunningServer.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TestEvents>();
                builder.Services.AddSingleton<Schema>(provider => Build(provider.GetRequiredService<TestEvents>()));
                builder.Services.AddSingleton<ICallerAuthenticator, TestAuthenticator>();
            },
            settings);

    /// <summary>The test schema's event hub in <paramref name="server"/>.</summary>
    public static TestEvents Events(this RunningServer server) => server.Services.GetRequiredService<TestEvents>();

    private static Schema Build(TestEvents events) =>
        SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query.hello", _ => new("world"))
            .Resolve("Query.caller", context => new(context.Request.User.Identity?.Name))
            .Resolve("Query.boom", _ => throw new InvalidOperationException("secret internals"))
            .Resolve("Mutation.shout", context => new(context.GetArgument<string>("text").ToUpperInvariant()))
            .Subscribe("Subscription.counter", context => new(Count(context.GetArgument<int>("to"))))
            .Resolve("Subscription.counter", context => new(context.Parent))
            .Subscribe("Subscription.events", context => new(events.Subscribe(context.CancellationToken)))
            .Resolve("Subscription.events", context => new(context.Parent))
            .Subscribe("Subscription.failing", _ => new(Fail()))
            .Resolve("Subscription.failing", context => new(context.Parent))
            .Subscribe("Subscription.secret", context => context.Request.User.Identity?.IsAuthenticated == true
                ? new(Count(1))
                : throw new GraphQLError("Sign in to see this.", code: ServerErrorCodes.AuthNotAuthenticated))
            .Resolve("Subscription.secret", context => new(context.Request.User.Identity!.Name))
            .Build();

    private static async IAsyncEnumerable<object?> Count(int to)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<object?> Fail()
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidOperationException("the source broke: secret internals");
    }
}

/// <summary>
/// The sources of <c>Subscription.events</c>: each subscription gets one, fed by <see cref="Publish"/>; the
/// hub counts the sources started and disposed, and lets a test wait for either count.
/// </summary>
public sealed class TestEvents
{
    /// <summary>How long a test waits for something the server does before failing (a guard, not a timing assertion).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<Channel<string>> _sources = [];
    private readonly List<(Func<bool> Reached, TaskCompletionSource Signal)> _waits = [];
    private int _started;
    private int _disposed;

    /// <summary>How many sources were started.</summary>
    public int Started
    {
        get
        {
            lock (_sources)
            {
                return _started;
            }
        }
    }

    /// <summary>How many sources were disposed.</summary>
    public int Disposed
    {
        get
        {
            lock (_sources)
            {
                return _disposed;
            }
        }
    }

    /// <summary>Sends <paramref name="text"/> to every open source.</summary>
    public void Publish(string text)
    {
        lock (_sources)
        {
            foreach (var source in _sources)
            {
                source.Writer.TryWrite(text);
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> sources were started.</summary>
    public Task WaitForStartedAsync(int count) => WaitAsync(() => _started >= count, $"{count} sources to start");

    /// <summary>Waits until <paramref name="count"/> sources were disposed.</summary>
    public Task WaitForDisposedAsync(int count) => WaitAsync(() => _disposed >= count, $"{count} sources to be disposed");

    internal async IAsyncEnumerable<object?> Subscribe([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = Channel.CreateUnbounded<string>();
        lock (_sources)
        {
            _sources.Add(source);
            _started++;
            Signal();
        }

        try
        {
            await foreach (var text in source.Reader.ReadAllAsync(cancellationToken))
            {
                yield return text;
            }
        }
        finally
        {
            lock (_sources)
            {
                _sources.Remove(source);
                _disposed++;
                Signal();
            }
        }
    }

    private async Task WaitAsync(Func<bool> reached, string what)
    {
        TaskCompletionSource signal;
        lock (_sources)
        {
            if (reached())
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((reached, signal));
        }

        try
        {
            await signal.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Waited in vain for {what} (started {Started}, disposed {Disposed}).");
        }
    }

    private void Signal()
    {
        for (var i = _waits.Count - 1; i >= 0; i--)
        {
            if (_waits[i].Reached())
            {
                _waits[i].Signal.TrySetResult();
                _waits.RemoveAt(i);
            }
        }
    }
}

/// <summary>
/// The test server's authenticator: the token "valid-token" is the user "tester"; "failing-token" makes it throw (as
/// an unreachable database would); anything else is nobody.
/// </summary>
public sealed class TestAuthenticator : ICallerAuthenticator
{
    public const string ValidToken = "valid-token";

    public const string FailingToken = "failing-token";

    public ValueTask<ClaimsPrincipal> AuthenticateAsync(string? token, CancellationToken cancellationToken) => token switch
    {
        ValidToken => new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester")], "test"))),
        FailingToken => throw new InvalidOperationException("the session store is down: secret internals"),
        _ => new(new ClaimsPrincipal(new ClaimsIdentity())),
    };
}
