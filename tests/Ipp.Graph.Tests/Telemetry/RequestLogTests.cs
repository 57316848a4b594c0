using System.Collections.Concurrent;
using System.Text.Json;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// The log is structured, one JSON object per line on the console, and every line written while serving a request
/// carries the request's correlation id (its trace id, in the scopes), the one its client sees in an "Unexpected
/// error.", over HTTP and WebSocket alike.
/// </summary>
public sealed class RequestLogTests
{
    private const string Working = "Working on it.";

    [Fact]
    public async Task Every_line_logged_while_serving_a_request_carries_the_correlation_id_its_client_sees()
    {
        var logs = new ScopedLogs();
        await using var server = await RunningServer.StartAsync(builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton(TestSchema());
        });
        using var client = server.CreateClient();

        var answer = await client.PostAsync("""{"query":"{ work }"}""");

        var correlationId = answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("correlationId").GetString()!;
        var working = Assert.Single(logs.Entries, entry => entry.Message == Working);
        var failed = Assert.Single(logs.Entries, entry => entry.Message.StartsWith($"Unexpected error {correlationId} ", StringComparison.Ordinal));
        Assert.All([working, failed], entry => Assert.Equal(correlationId, entry.Scopes["TraceId"]));
        Assert.All([working, failed], entry => Assert.Equal("/graphql", entry.Scopes["RequestPath"]));
    }

    [Fact]
    public async Task Over_WebSocket_the_lines_of_an_operation_carry_the_correlation_id_its_error_gives()
    {
        var logs = new ScopedLogs();
        await using var server = await RunningServer.StartAsync(builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton(TestSchema());
        });
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ work }"}}""");

        var next = await socket.ReceiveJsonAsync();
        var correlationId = next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("correlationId").GetString()!;
        var working = Assert.Single(logs.Entries, entry => entry.Message == Working);
        Assert.Equal(correlationId, working.Scopes["TraceId"]);
    }

    [Fact]
    public async Task The_console_log_of_the_running_server_is_one_JSON_object_per_line_with_the_request_s_scopes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        var uploads = Path.Combine(folder, "uploads");
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = await ServerProcess.StartBuiltAsync($"--ConnectionStrings:Ipp=Data Source={Path.Combine(folder, "ipp.db")}", $"--UPLOAD_FOLDER={uploads}");
            using var client = server.CreateClient();
            using (UnwritableFolder.Make(uploads, Unwritable.NotAFolder, folder))
            {
                using var response = await client.GetAsync("health/ready");
                Assert.Equal(503, (int)response.StatusCode);
                await server.WaitForOutputAsync("The health check upload-folder failed");
            }

            var lines = server.OutputLines.Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
            Assert.All(lines, line => Assert.Equal(
                ["Timestamp", "EventId", "LogLevel", "Category", "Message"],
                line.EnumerateObject().Select(property => property.Name).Take(5)));
            var failure = Assert.Single(lines, line => line.GetProperty("Message").GetString() == "The health check upload-folder failed: the server is not ready.");
            Assert.Equal("Warning", failure.GetProperty("LogLevel").GetString());
            Assert.Equal("Ipp.Graph.Health.ReadinessProbe", failure.GetProperty("Category").GetString());
            Assert.Contains(uploads, failure.GetProperty("Exception").GetString());
            // Each scope is an object of its values (and its Message, the scope as text).
            var scopes = failure.GetProperty("Scopes").EnumerateArray().SelectMany(scope => scope.EnumerateObject())
                .Where(property => property.Name != "Message")
                .ToDictionary(property => property.Name, property => property.Value.ToString());
            Assert.Matches("^[0-9a-f]{32}$", scopes["TraceId"]);
            Assert.Equal("/health/ready", scopes["RequestPath"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A schema whose one field logs a line, then fails unexpectedly.</summary>
    private static Schema TestSchema() =>
        SchemaBuilder.FromSdl("type Query { work: String }")
            .Resolve("Query.work", context =>
            {
                context.Server().Services!.GetRequiredService<ILoggerFactory>().CreateLogger("Tests.Work").LogInformation(Working);
                throw new InvalidOperationException("failed");
            })
            .Build();

    /// <summary>Keeps every entry with the values of its scopes (the activity's TraceId, ASP.NET Core's RequestPath, …).</summary>
    private sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<Entry> _entries = new();
        private IExternalScopeProvider? _scopes;

        public IReadOnlyCollection<Entry> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        public sealed record Entry(string Message, IReadOnlyDictionary<string, string?> Scopes);

        private sealed class Logger(ScopedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new Dictionary<string, string?>();
                owner._scopes?.ForEachScope(
                    (scope, values) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                values[key] = value?.ToString();
                            }
                        }
                    },
                    scopes);
                owner._entries.Enqueue(new Entry(formatter(state, exception), scopes));
            }
        }
    }
}
