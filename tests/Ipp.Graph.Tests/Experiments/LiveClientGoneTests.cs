using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// A client that ends its live stream, by closing it or by dropping its connection, costs the server no exception:
/// the server sees the end as the ordinary event it is, on every transport. (An exception per frame of the unwinding
/// stack made each closed socket cost six OperationCanceledExceptions under load.)
/// </summary>
[Collection(ProcessWide.Name)]
public sealed class LiveClientGoneTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private LiveFixture _user = null!;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var transport in new[] { StatusStream.TransportWs, StatusStream.LegacyWs, StatusStream.Sse })
        {
            cases.Add(transport, "close");
            cases.Add(transport, "drop");
        }

        return cases;
    }

    public async Task InitializeAsync()
    {
        // The hosting log says when a request (here: the stream's) has been served to its end.
        _server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
        _user = await LiveFixture.SignUpAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_stream_the_client_ends_ends_without_a_cancellation_exception(string transport, string ending)
    {
        var served = StreamsServed();
        await using var stream = await StatusStream.OpenAsync(_server, transport, _user.Token);
        await _user.WaitForSubscribersAsync(1);

        using var cancellations = new FirstChanceExceptions<OperationCanceledException>();
        if (ending == "close")
        {
            await stream.CloseAsync();
        }
        else
        {
            await stream.DropAsync();
        }

        await WaitForStreamsServedAsync(served + 1);
        await _user.WaitForNoSubscribersAsync();
        Assert.True(cancellations.Thrown.Count == 0, string.Join("\n\n", cancellations.Thrown));
    }

    [Theory]
    [InlineData("close")]
    [InlineData("drop")]
    public async Task A_session_ended_stream_the_client_ends_ends_without_a_cancellation_exception(string ending)
    {
        var served = StreamsServed();
        await using var socket = await TestSocket.InitialisedAsync(_server, $$"""{"authorization":"Bearer {{_user.Token}}"}""");
        await socket.SendAsync("""{"id":"s","type":"subscribe","payload":{"query":"subscription { sessionEnded { reason } }"}}""");
        // Operations start in the order they arrive: once the query is answered, sessionEnded is waiting.
        await socket.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
        Assert.Equal("next", (await socket.ReceiveJsonAsync()).GetProperty("type").GetString());
        Assert.Equal("complete", (await socket.ReceiveJsonAsync()).GetProperty("type").GetString());

        using var cancellations = new FirstChanceExceptions<OperationCanceledException>();
        if (ending == "close")
        {
            await socket.CloseAsync();
        }
        else
        {
            socket.Abort();
        }

        await WaitForStreamsServedAsync(served + 1);
        Assert.True(cancellations.Thrown.Count == 0, string.Join("\n\n", cancellations.Thrown));
    }

    /// <summary>The streams served to their end so far: WebSocket upgrades (101) and event streams.</summary>
    private int StreamsServed() =>
        _server.Logs.Entries.Count(entry =>
            entry.Category == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && entry.Message.StartsWith("Request finished", StringComparison.Ordinal)
            && (entry.Message.Contains(" - 101 ", StringComparison.Ordinal) || entry.Message.Contains("text/event-stream", StringComparison.Ordinal)));

    private async Task WaitForStreamsServedAsync(int count)
    {
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (StreamsServed() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited in vain for the server to finish serving the stream.");
            await Task.Delay(20);
        }
    }
}
