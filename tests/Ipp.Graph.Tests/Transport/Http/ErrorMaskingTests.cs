using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>
/// Unexpected exceptions reach clients as "Unexpected error." with a correlation id, and the log as one entry per
/// exception with that id; errors raised on purpose pass unchanged. The server runs a schema of this test's own
/// whose resolvers fail, and a middleware that throws on one path.
/// </summary>
public sealed class ErrorMaskingTests : IAsyncLifetime
{
    private const string Secret = "Server=db.internal;Password=hunter2";
    private static readonly InvalidOperationException SharedFailure = new("shared " + Secret);

    private RunningServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(builder =>
        {
            builder.Services.AddSingleton(TestSchema());
            builder.Services.AddTransient<IStartupFilter, ThrowingMiddleware>();
        });
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_resolver_exception_is_masked_with_a_correlation_id_that_the_log_entry_carries_with_the_exception()
    {
        var answer = await _client.PostAsync("""{"query":"{ fine boom }"}""", "application/graphql-response+json");

        Assert.Equal(200, answer.Status);
        var error = answer.Json.GetProperty("errors")[0];
        var correlationId = error.GetProperty("extensions").GetProperty("correlationId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", correlationId);
        Assert.Equal(
            $$$"""{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":8}],"path":["boom"],"extensions":{"code":"INTERNAL_SERVER_ERROR","correlationId":"{{{correlationId}}}"}}],"data":{"fine":"fine","boom":null}}""",
            answer.Body);
        Assert.DoesNotContain("hunter2", answer.Body);
        Assert.DoesNotContain("InvalidOperationException", answer.Body);

        var logged = Assert.Single(_server.Logs.Errors);
        Assert.Contains(correlationId, logged.Message);
        Assert.Contains("boom", logged.Message);
        Assert.Equal("boom " + Secret, Assert.IsType<InvalidOperationException>(logged.Exception).Message);
    }

    [Fact]
    public async Task An_exception_shared_by_many_errors_is_logged_once()
    {
        var answer = await _client.PostAsync("""{"query":"{ shared { value } }"}""");

        var errors = answer.Json.GetProperty("errors");
        Assert.Equal(5, errors.GetArrayLength());
        var ids = errors.EnumerateArray().Select(error => error.GetProperty("extensions").GetProperty("correlationId").GetString()).Distinct();
        var correlationId = Assert.Single(ids)!;
        var logged = Assert.Single(_server.Logs.Errors);
        Assert.Contains(correlationId, logged.Message);
        Assert.Same(SharedFailure, logged.Exception);
    }

    [Fact]
    public async Task A_response_with_many_exceptions_logs_ten_and_counts_the_rest()
    {
        var answer = await _client.PostAsync("""{"query":"{ many { value } }"}""");

        Assert.Equal(25, answer.Json.GetProperty("errors").GetArrayLength());
        var errors = _server.Logs.Errors.ToList();
        Assert.Equal(11, errors.Count);
        Assert.All(errors.Take(10), entry => Assert.IsType<InvalidOperationException>(entry.Exception));
        Assert.EndsWith(": 15 more unexpected errors in the same response were not logged.", errors[10].Message);
        Assert.DoesNotContain("hunter2", answer.Body);
    }

    [Fact]
    public async Task An_error_raised_on_purpose_reaches_the_client_unchanged_and_is_not_logged()
    {
        var answer = await _client.PostAsync("""{"query":"{ deliberate }"}""");

        Assert.Equal(
            """{"errors":[{"message":"Not for you.","locations":[{"line":1,"column":3}],"path":["deliberate"],"extensions":{"code":"FORBIDDEN"}}],"data":{"deliberate":null}}""",
            answer.Body);
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task A_failed_non_null_root_field_leaves_data_null_and_the_status_200_under_graphql_response_json()
    {
        var answer = await _client.PostAsync("""{"query":"{ required }"}""", "application/graphql-response+json");

        Assert.Equal(200, answer.Status);
        Assert.Equal("null", answer.Json.GetProperty("data").GetRawText());
        Assert.Equal("Unexpected error.", answer.ErrorMessage);
    }

    [Fact]
    public async Task Subscription_events_are_masked_too()
    {
        var runner = _server.Services.GetRequiredService<RequestRunner>();

        var subscription = await runner.SubscribeAsync(new GraphQLRequest { Query = "subscription { ticks }" }, new ServerRequestContext());
        var events = new List<string>();
        await foreach (var result in subscription.Stream!)
        {
            events.Add(result.ToJson());
        }

        Assert.Equal(2, events.Count);
        Assert.All(events, json => Assert.Contains("\"message\":\"Unexpected error.\"", json));
        Assert.All(events, json => Assert.DoesNotContain("hunter2", json));
        Assert.Equal(2, _server.Logs.Errors.Count());
    }

    [Fact]
    public async Task An_exception_escaping_the_pipeline_is_a_500_with_a_correlation_id_and_nothing_of_the_exception()
    {
        var answer = await _client.SendAsync(HttpMethod.Get, "throws", null, null, null);

        Assert.Equal(500, answer.Status);
        Assert.Equal(HttpExchange.Json, answer.ContentType);
        var correlationId = answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("correlationId").GetString()!;
        Assert.Equal(
            $$$"""{"errors":[{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR","correlationId":"{{{correlationId}}}"}}]}""",
            answer.Body);
        var logged = Assert.Single(_server.Logs.Errors);
        Assert.Contains(correlationId, logged.Message);
        Assert.Equal("pipeline " + Secret, Assert.IsType<InvalidOperationException>(logged.Exception).Message);
    }

    private static Schema TestSchema()
    {
        var failures = 0;
        return SchemaBuilder.FromSdl("""
                type Query {
                  fine: String
                  boom: String
                  shared: [Item]
                  many: [Item2]
                  deliberate: String
                  required: String!
                }
                type Item { value: String }
                type Item2 { value: String }
                type Subscription { ticks: Int }
                """)
            .Resolve("Query.fine", _ => new("fine"))
            .Resolve("Query.boom", _ => throw new InvalidOperationException("boom " + Secret))
            .Resolve("Query.shared", _ => new(new object?[] { 1, 2, 3, 4, 5 }))
            .Resolve("Item.value", _ => throw SharedFailure)
            .Resolve("Query.many", _ => new(Enumerable.Range(0, 25).Select(i => (object?)i).ToArray()))
            .Resolve("Item2.value", _ => throw new InvalidOperationException($"many {Interlocked.Increment(ref failures)} {Secret}"))
            .Resolve("Query.deliberate", _ => throw new GraphQLError("Not for you.", code: "FORBIDDEN"))
            .Resolve("Query.required", _ => throw new InvalidOperationException("required " + Secret))
            .Subscribe("Subscription.ticks", _ => new(Ticks()))
            .Resolve("Subscription.ticks", _ => throw new InvalidOperationException("tick " + Secret))
            .Build();
    }

    private static async IAsyncEnumerable<object?> Ticks()
    {
        yield return 1;
        await Task.Yield();
        yield return 2;
    }

    /// <summary>A middleware inside the server's own that throws on <c>/throws</c>: a bug in the pipeline.</summary>
    private sealed class ThrowingMiddleware : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(next => context => context.Request.Path == "/throws"
                ? throw new InvalidOperationException("pipeline " + Secret)
                : next(context));
            next(app);
        };
    }
}
