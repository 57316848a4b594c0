using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The oracle's custom resolvers, the same ones as tests/js/oracle/resolvers.mjs. Every other field resolves by key
/// lookup on the data (<see cref="ByKey"/>), as graphql-js's default field resolver does on the parsed JSON; the data's
/// root object is the root value on both sides.
/// </summary>
internal static class OracleResolvers
{
    private const string CounterKey = "oracle.counter";

    /// <summary>Resolvers by schema coordinate.</summary>
    public static IReadOnlyDictionary<string, FieldResolver> ByCoordinate(IReadOnlyDictionary<string, object?> data) =>
        new Dictionary<string, FieldResolver>(StringComparer.Ordinal)
        {
            ["Query.node"] = ctx => Done(Own(data["nodesById"], ctx.Arguments.GetValueOrDefault("id") as string)),
            ["Query.nodes"] = ctx => Done(Nodes(data, ctx)),
            ["Query.sample"] = ctx => Done(Own(data["samplesById"], ctx.Arguments.GetValueOrDefault("id") as string)),
            ["Query.echo"] = Echo,
            ["Query.echoDefaults"] = Echo,
            ["Query.echoRequired"] = Echo,
            ["Query.echoRequiredList"] = Echo,
            ["Query.echoRequiredInput"] = Echo,
            ["Query.echoOneOf"] = Echo,
            ["Query.fail"] = Fail,
            ["Query.failRequired"] = Fail,
            ["Query.asyncHello"] = async _ =>
            {
                await InOrder.Later();
                return "async world";
            },
            ["Query.asyncFail"] = FailLater,
            ["Query.asyncMissingRequired"] = async _ =>
            {
                await InOrder.Later();
                return null;
            },
            ["Mutation.increment"] = ctx => Done(Add(ctx)),
            ["Mutation.incrementLater"] = async ctx =>
            {
                await InOrder.Later();
                return Add(ctx);
            },
            ["Mutation.counter"] = ctx => Done(Counter(ctx.Request)),
            ["Mutation.failingMutation"] = Fail,
            ["Mutation.requiredFailing"] = Fail,
            ["Mutation.echo"] = Echo,
            ["Mutation.createHuman"] = ctx => Done(CreateHuman((string)ctx.Arguments.GetValueOrDefault("name")!)),
            ["Dog.doesKnowCommand"] = ctx => Done(Equals(ctx.Arguments.GetValueOrDefault("dogCommand"), "SIT")),
            ["Dog.isHouseTrained"] = ctx => Done(ctx.Arguments.GetValueOrDefault("atOtherHomes")),
            ["Sample.broken"] = Fail,
            ["Sample.brokenRequired"] = Fail,
            ["Sample.asyncValue"] = ctx => OwnLater(ctx, "value"),
            ["Sample.asyncRequired"] = ctx => OwnLater(ctx, "required"),
            ["Sample.asyncChildren"] = ctx => OwnLater(ctx, "children"),
            ["Sample.asyncBroken"] = FailLater,
        };

    /// <summary>The default resolver: the parent's entry named like the field, or null (the root value is the data).</summary>
    public static ValueTask<object?> ByKey(ResolveContext ctx) => Done(Own(ctx.Parent, ctx.Field.Name));

    private static ValueTask<object?> Done(object? value) => new(value);

    private static object? Own(object? parent, string? key) =>
        parent is IReadOnlyDictionary<string, object?> map && key is not null && map.TryGetValue(key, out var value) ? value : null;

    private static async ValueTask<object?> OwnLater(ResolveContext ctx, string key)
    {
        var parent = ctx.Parent;
        await InOrder.Later();
        return Own(parent, key);
    }

    private static List<object?> Nodes(IReadOnlyDictionary<string, object?> data, ResolveContext ctx)
    {
        var nodes = new List<object?>();
        foreach (var id in (System.Collections.IEnumerable)ctx.Arguments.GetValueOrDefault("ids")!)
        {
            nodes.Add(Own(data["nodesById"], id as string));
        }

        return nodes;
    }

    private static ValueTask<object?> Echo(ResolveContext ctx) => Done(CanonicalJson.Write(ctx.Arguments));

    private static ValueTask<object?> Fail(ResolveContext ctx) => throw Failure(ctx);

    private static async ValueTask<object?> FailLater(ResolveContext ctx)
    {
        var failure = Failure(ctx);
        await InOrder.Later();
        throw failure;
    }

    private static GraphQLError Failure(ResolveContext ctx) => new($"{ctx.ParentType.Name}.{ctx.Field.Name} failed");

    private static int Counter(RequestContext request) => request.Items.TryGetValue(CounterKey, out var value) ? (int)value! : 0;

    private static int Add(ResolveContext ctx)
    {
        var by = ctx.Arguments.TryGetValue("by", out var value) && value is int given ? given : 0;
        var total = Counter(ctx.Request) + by;
        ctx.Request.Items[CounterKey] = total;
        return total;
    }

    private static Dictionary<string, object?> CreateHuman(string name) => new(StringComparer.Ordinal)
    {
        ["__typename"] = "Human",
        ["id"] = "new-" + name,
        ["name"] = name,
        ["pets"] = new List<object?>(),
    };
}
