using System.Text;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Transport.Sse;

/// <summary>One item of an event stream: an event (name and data) or a comment (a line starting with a colon).</summary>
public sealed record StreamItem(string? Event, string? Data, string? Comment)
{
    public override string ToString() => Comment is not null ? ":" + Comment : $"{Event}: {Data}";
}

/// <summary>
/// Reads a text/event-stream response as the Server-Sent Events spec parses it (lines, blank line ends an event),
/// item by item, each wait bounded by <see cref="TestEvents.Patience"/>.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Sends <paramref name="request"/> and starts reading its response as soon as the headers arrive.</summary>
    public static async Task<EventStreamReader> OpenAsync(HttpClient client, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return new EventStreamReader(response, await response.Content.ReadAsStreamAsync(timeout.Token));
    }

    /// <summary>The next event or comment; null at the end of the stream.</summary>
    public async Task<StreamItem?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        string? eventName = null;
        StringBuilder? data = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {TestEvents.Patience} in vain for an event.");
                throw;
            }

            if (line is null)
            {
                return eventName is null && data is null ? null : new StreamItem(eventName, data?.ToString(), null);
            }

            if (line.Length == 0)
            {
                if (eventName is not null || data is not null)
                {
                    return new StreamItem(eventName ?? "message", data?.ToString() ?? "", null);
                }

                continue;
            }

            if (line[0] == ':')
            {
                return new StreamItem(null, null, line[1..]);
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                eventName = value;
            }
            else if (field == "data")
            {
                data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
            }
        }
    }

    /// <summary>Every remaining item, to the end of the stream.</summary>
    public async Task<List<string>> RestAsync()
    {
        var items = new List<string>();
        while (await NextAsync() is { } item)
        {
            items.Add(item.ToString());
        }

        return items;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
