using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Snapshooter.Xunit;

namespace Ipp.Graph.Tests.Contract;

/// <summary>
/// The shapes a client codes against, as snapshots (Snapshooter, <c>__snapshots__/</c> beside this file): the schema
/// and representative responses of each kind, values that change from run to run (ids, tokens, times) replaced by
/// their names. A change of shape fails here until the snapshot is deliberately renewed (delete it and run the tests
/// without <c>SNAPSHOOTER_STRICT_MODE</c>, which CI sets, so that a missing snapshot fails there).
/// </summary>
public sealed class ResponseSnapshotTests : IAsyncLifetime
{
    /// <summary>Fields whose values differ between runs: each becomes <c>"&lt;name&gt;"</c> when it is not null.</summary>
    private static readonly HashSet<string> Varying =
        ["id", "token", "expiresAt", "createdAt", "statusChangedAt", "changedAt", "cursor", "startCursor", "endCursor", "deletedId", "correlationId"];

    private RunningServer _server = null!;
    private GraphQLHttp _http = null!;

    public async Task InitializeAsync()
    {
        _server = await WriteFixture.StartAsync();
        _http = new GraphQLHttp(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_schema()
    {
        using var client = _server.CreateClient();
        Snapshot.Match(await client.GetStringAsync("graphql?sdl"));
    }

    [Fact]
    public async Task Signing_up_and_being_refused()
    {
        var created = await _http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password = "correct horse battery" });
        var taken = await _http.PostAsync(Operations.CreateUser, new { email = "ADA@example.org", password = "another password" });
        var weak = await _http.PostAsync(Operations.CreateUser, new { email = "bob@example.org", password = "short" });
        var wrong = await _http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "not it" });

        Snapshot.Match(Shape(new { created, taken, weak, wrong }));
    }

    [Fact]
    public async Task Creating_listing_and_refusing_experiments()
    {
        var ada = await WriteFixture.SignUpAsync(_http, "ada@example.org");
        var created = await WriteFixture.CreateAsync(_http, ada, new { application = "demo", name = "First run", parameters = new { threshold = 3, mode = "fast" }, draft = true });
        var invalid = await WriteFixture.CreateAsync(_http, ada, new { application = "demo", name = "", parameters = new { threshold = 11, colour = "red" } });
        var unknown = await WriteFixture.CreateAsync(_http, ada, new { application = "no-such-app", name = "Lost" });
        var page = await _http.PostAsync(
            "{ experiments(first: 1, order: [{createdAt: DESC}]) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name status parameters inputs { name } application { key } } } } }",
            token: ada.Token);
        var anonymous = await _http.PostAsync("{ experiments { totalCount } }");

        Snapshot.Match(Shape(new { created, invalid, unknown, page, anonymous }));
    }

    [Fact]
    public async Task An_application_and_a_malformed_document()
    {
        var application = await _http.PostAsync(
            "{ application(key: \"demo\") { key label nameField { name type label required max } descriptionField { name required max } fields { name type required min max default choices { value label } } } }");
        var invalid = await _http.PostAsync("{ applications { nope } }");

        Snapshot.Match(Shape(new { application, invalid }));
    }

    /// <summary>The responses' status and bodies, indented, with <see cref="Varying"/> values named.</summary>
    private static string Shape(object responses)
    {
        var shape = new JsonObject();
        foreach (var property in responses.GetType().GetProperties())
        {
            var response = (GraphQLResponse)property.GetValue(responses)!;
            var body = JsonNode.Parse(response.Body.GetRawText())!;
            Redact(body);
            shape[property.Name] = new JsonObject { ["status"] = (int)response.Status, ["body"] = body };
        }

        return shape.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (Varying.Contains(name) && value is not null)
                    {
                        obj[name] = $"<{name}>";
                    }
                    else
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }
    }
}
