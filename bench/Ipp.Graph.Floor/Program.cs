using Ipp.Graph.Floor;

// The price of bench/http/run.sh's work without GraphQL: POST /graphql with one of two known bodies, the caller
// found by their Bearer token, the answer written with Utf8JsonWriter in the bytes Ipp.Graph writes.
// Usage: dotnet Ipp.Graph.Floor.dll --urls http://127.0.0.1:<port> --Database <SQLite file> --Me <me.json> --Nodes <nodes50.json>
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var configuration = builder.Configuration;
var callers = new CallerLookup(Setting("Database"));
var requests = KnownRequests.Read(Setting("Me"), Setting("Nodes"));

var app = builder.Build();
app.MapPost("/graphql", context => FloorEndpoint.HandleAsync(context, requests, callers));
app.Run();

string Setting(string name) =>
    configuration[name] ?? throw new InvalidOperationException($"--{name} is missing: the floor needs --Database, --Me and --Nodes.");
