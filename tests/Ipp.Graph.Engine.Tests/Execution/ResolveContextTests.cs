using System.Security.Claims;
using Ipp.Graph.Engine.Execution;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>What resolvers see: arguments converted to .NET types, the path, the request (caller, services, cancellation) and the document.</summary>
public sealed class ResolveContextTests
{
    private const string ArgumentsSdl = """
        enum Shade { DARK_RED LIGHT_BLUE }
        input Range { from: Int! to: Int }
        type Query {
          number(n: Int): String
          shade(s: Shade): String
          numbers(l: [Int]): String
          range(r: Range): String
          required(n: Int!): String
        }
        """;

    [Fact]
    public async Task Numbers_convert_to_the_numeric_type_asked_for()
    {
        var json = await RunArgument("number", "{ number(n: 5) }", context =>
            $"{context.GetArgument<int>("n")} {context.GetArgument<long>("n")} {context.GetArgument<double>("n")} {context.GetArgument<int?>("n")} {context.GetArgument<decimal>("n")}");

        Assert.Equal(Q("{'data':{'number':'5 5 5 5 5'}}"), json);
    }

    [Fact]
    public async Task Enum_values_convert_to_a_dotnet_enum_by_name()
    {
        var json = await RunArgument("shade", "{ shade(s: LIGHT_BLUE) }", context => context.GetArgument<Shade>("s").ToString());

        Assert.Equal(Q("{'data':{'shade':'LightBlue'}}"), json);
    }

    [Fact]
    public async Task Lists_convert_to_arrays_and_lists_of_the_element_type_asked_for()
    {
        var json = await RunArgument("numbers", "{ numbers(l: [1, 2, 3]) }", context =>
            $"{string.Join(",", context.GetArgument<int[]>("l"))} {context.GetArgument<List<long>>("l").Sum()} {context.GetArgument<IReadOnlyList<double>>("l").Count}");

        Assert.Equal(Q("{'data':{'numbers':'1,2,3 6 3'}}"), json);
    }

    [Fact]
    public async Task Input_objects_convert_through_the_bound_type()
    {
        var schema = Sdl(ArgumentsSdl)
            .BindInput<RangeInput>("Range")
            .Resolve("Query.range", context => new(context.GetArgument<RangeInput>("r").ToString()))
            .Build();

        var json = await Run(schema, "{ range(r: {from: 1}) }");

        Assert.Equal(Q("{'data':{'range':'RangeInput { From = 1, To =  }'}}"), json);
    }

    [Fact]
    public async Task An_absent_argument_reads_as_null_when_nullable_and_fails_clearly_otherwise()
    {
        var json = await RunArgument("number", "{ a: number b: number }", context => context.ResponseName == "a"
            ? $"{context.GetArgument<int?>("n")?.ToString() ?? "null"} {context.GetArgument<string>("n") ?? "null"} {context.TryGetArgument<int>("n", out _)}"
            : context.GetArgument<int>("n").ToString());

        Assert.Equal(
            Q("{'errors':[{'message':'Argument `n` of field `Query.number` has no value (it was not given and has no default), so it cannot be read as Int32; read it as a nullable type or with TryGetArgument.','locations':[{'line':1,'column':13}],'path':['b'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':'null null False','b':null}}"),
            json);
    }

    [Fact]
    public async Task Asking_for_an_argument_the_field_does_not_define_fails()
    {
        var json = await RunArgument("number", "{ number }", context => context.GetArgument<int?>("m")?.ToString() ?? "null");

        Assert.Equal(
            Q("{'errors':[{'message':'Field `Query.number` has no argument `m`.','locations':[{'line':1,'column':3}],'path':['number'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'number':null}}"),
            json);
    }

    [Fact]
    public async Task The_context_describes_the_field_the_request_and_the_document()
    {
        var seen = new List<string>();
        var root = Data("""{ "items": [{ "name": "a" }, { "name": "b" }] }""");
        var schema = Sdl("type Query { items: [Item] } type Item { name: String }")
            .Resolve("Item.name", context =>
            {
                seen.Add(string.Join(
                    " | ",
                    string.Join("/", context.Path),
                    context.ResponseName,
                    context.FieldNodes.Count,
                    context.ParentType.Name,
                    context.ReturnType,
                    context.Operation.Name?.Value,
                    context.Variables["v"],
                    context.Fragments.Count,
                    ReferenceEquals(context.RootValue, root),
                    context.Schema.Query!.Name,
                    context.Request.Items["tag"]));
                return new(((IReadOnlyDictionary<string, object?>)context.Parent!)["name"]);
            })
            .Build();
        var request = new RequestContext();
        request.Items["tag"] = "t";

        await Run(schema, "query Q($v: String) { items { n: name ...F } } fragment F on Item { n: name }", root, new Dictionary<string, object?> { ["v"] = "1" }, context: request);

        Assert.Equal(
            ["items/0/n | n | 2 | Item | String | Q | 1 | 1 | True | Query | t", "items/1/n | n | 2 | Item | String | Q | 1 | 1 | True | Query | t"],
            seen);
    }

    [Fact]
    public async Task Resolvers_get_the_caller_and_the_services_the_host_gives()
    {
        var schema = Sdl("type Query { greeting: String }")
            .Resolve("Query.greeting", context => new($"{context.Request.Services!.GetService(typeof(string))} {context.Request.User.Identity!.Name}"))
            .Build();
        var caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));

        var json = await Run(schema, "{ greeting }", context: new RequestContext { User = caller, Services = new Greetings() });

        Assert.Equal(Q("{'data':{'greeting':'hello ada'}}"), json);
        Assert.False(new RequestContext().User.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task The_resolvers_token_is_cancelled_when_the_host_cancels()
    {
        var cancelled = new TaskCompletionSource();
        var schema = Sdl("type Query { wait: String }")
            .Resolve("Query.wait", async context =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled.SetResult();
                    throw;
                }

                return "never";
            })
            .Build();
        using var host = new CancellationTokenSource();

        var running = Run(schema, "{ wait }", context: new RequestContext { CancellationToken = host.Token });
        host.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static Task<string> RunArgument(string field, string query, Func<ResolveContext, string> describe) =>
        Run(Sdl(ArgumentsSdl).Resolve("Query." + field, context => new(describe(context))).Build(), query);

    private enum Shade
    {
        DarkRed,
        LightBlue,
    }

    private sealed record RangeInput(int From, int? To);

    /// <summary>The services of a host that offers one: a greeting (as a string).</summary>
    private sealed class Greetings : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(string) ? "hello" : null;
    }
}
