using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Library.Live;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Sse;
using Ipp.Graph.Tests.Transport.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// <c>libraryEntryStored</c> over a real WebSocket (graphql-transport-ws) and a real event stream (SSE): the owner
/// hears of each entry their upload stored, once it is recorded; another user listening at the same time hears
/// nothing of it (TrainMate's status stream let anyone watch anyone), and may not name whose entries to hear.
/// </summary>
public sealed class LibraryEntryStoredTests
{
    public const string Subscription = "subscription { libraryEntryStored { id name kind size fileCount sha256 } }";

    [Theory]
    [InlineData("ws", "sse")]
    [InlineData("sse", "ws")]
    public async Task The_owner_hears_of_each_stored_entry_and_another_listener_hears_nothing_of_it(string ownerTransport, string strangerTransport)
    {
        await using var server = await WriteFixture.StartAsync();
        var owner = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var stranger = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        await using var ownerStream = await StoredStream.OpenAsync(server, ownerTransport, owner.Token);
        await using var strangerStream = await StoredStream.OpenAsync(server, strangerTransport, stranger.Token);
        await WaitForSubscribersAsync(server, owner, stranger);

        var stored = Entries(await UploadAsync(server, owner, FilePart.Text("notes.txt", "hello"), FilePart.Text("study/a.txt", "a")));

        var first = await ownerStream.NextAsync();
        var second = await ownerStream.NextAsync();
        Assert.Equal(stored[0].GetProperty("id").GetString(), first.GetProperty("id").GetString());
        Assert.Equal(("notes.txt", "FILE", 5L), (first.GetProperty("name").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("size").GetInt64()));
        Assert.Equal(("study", "FOLDER", 1), (second.GetProperty("name").GetString(), second.GetProperty("kind").GetString(), second.GetProperty("fileCount").GetInt32()));

        // Events reach each subscription in the order they are published: had the stranger been sent the owner's,
        // it would come before their own.
        Entries(await UploadAsync(server, stranger, FilePart.Text("mine.txt", "theirs")));
        Assert.Equal("mine.txt", (await strangerStream.NextAsync()).GetProperty("name").GetString());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_refused_upload_is_not_announced_and_the_subscription_takes_no_owner_from_the_client()
    {
        await using var server = await WriteFixture.StartAsync();
        var owner = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        await using var stream = await StoredStream.OpenAsync(server, "ws", owner.Token);
        await WaitForSubscribersAsync(server, owner);

        Assert.Equal("INVALID_PATH", (await UploadAsync(server, owner, FilePart.Text("ok.txt", "x"), FilePart.Text("../no", "x"))).PayloadErrorCode("uploadFiles"));
        Entries(await UploadAsync(server, owner, FilePart.Text("later.txt", "x")));

        Assert.Equal("later.txt", (await stream.NextAsync()).GetProperty("name").GetString());
        var named = await AccessServers.FirstEventAsync(server, "subscription { libraryEntryStored(ownerId: \"1\") { id } }", null, owner.Token);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Assert.Single(named.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_caller_without_files_read_may_not_listen()
    {
        await using var server = await WriteFixture.StartAsync();
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");

        var refused = await AccessServers.FirstEventAsync(server, Subscription, null, maintainer.Token);

        Assert.Equal("AUTH_NOT_AUTHORIZED", Assert.Single(refused.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>Waits until a subscription of each user listens (a stream opens before its source starts).</summary>
    internal static async Task WaitForSubscribersAsync(RunningServer server, params WriteUser[] users)
    {
        var hub = server.Services.GetRequiredService<StoredEntryHub>();
        while (users.Any(user => hub.CountOf(user.Id) == 0))
        {
            await Task.Delay(10);
        }
    }

    /// <summary>One open <c>libraryEntryStored</c> subscription, over a WebSocket ("ws") or an event stream ("sse").</summary>
    internal sealed class StoredStream : IAsyncDisposable
    {
        private readonly TestSocket? _socket;
        private readonly HttpClient? _client;
        private readonly EventStreamReader? _reader;

        private StoredStream(TestSocket? socket, HttpClient? client, EventStreamReader? reader) => (_socket, _client, _reader) = (socket, client, reader);

        public static async Task<StoredStream> OpenAsync(RunningServer server, string transport, string token)
        {
            var payload = JsonSerializer.Serialize(new { query = Subscription });
            if (transport == "ws")
            {
                var socket = await TestSocket.InitialisedAsync(server, JsonSerializer.Serialize(new { authorization = "Bearer " + token }));
                await socket.SendAsync($$"""{"id":"s","type":"subscribe","payload":{{payload}}}""");
                return new StoredStream(socket, null, null);
            }

            return await OpenAsync(server.CreateClient(), token);
        }

        /// <summary>An event stream through <paramref name="client"/> (any instance's), which the stream then disposes.</summary>
        public static async Task<StoredStream> OpenAsync(HttpClient client, string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = Subscription }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new StoredStream(null, client, await EventStreamReader.OpenAsync(client, request));
        }

        /// <summary>The next entry announced.</summary>
        public async Task<JsonElement> NextAsync()
        {
            if (_socket is not null)
            {
                var message = await _socket.ReceiveJsonAsync();
                Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
                return message.GetProperty("payload").GetProperty("data").GetProperty("libraryEntryStored");
            }

            var item = await _reader!.NextAsync();
            while (item is { Comment: not null })
            {
                item = await _reader.NextAsync();
            }

            Assert.Equal("next", item?.Event);
            using var result = JsonDocument.Parse(item!.Data!);
            return result.RootElement.GetProperty("data").GetProperty("libraryEntryStored").Clone();
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket is not null)
            {
                await _socket.DisposeAsync();
            }

            if (_reader is not null)
            {
                await _reader.DisposeAsync();
            }

            _client?.Dispose();
        }
    }
}
