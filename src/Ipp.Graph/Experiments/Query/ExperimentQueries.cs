using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Query;

/// <summary>
/// <c>experiments</c> (filtered, sorted and paged in SQL, with HotChocolate's argument shapes) and
/// <c>experiment(id:)</c>: the experiments the caller may read (<see cref="ExperimentAccess"/>: their own).
/// </summary>
public static class ExperimentQueries
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<ExperimentsEdge>("ExperimentsEdge")
            .BindType<PageInfo>("PageInfo")
            .Resolve("Query.experiments", Experiments)
            .Resolve("Query.experiment", ExperimentAsync)
            .Resolve("ExperimentsConnection.pageInfo", async context => (await Connection(context).PageAsync()).PageInfo)
            .Resolve("ExperimentsConnection.edges", async context => (await Connection(context).PageAsync()).Edges)
            .Resolve("ExperimentsConnection.nodes", async context => Nodes(await Connection(context).PageAsync()))
            .Resolve("ExperimentsConnection.totalCount", async context => await Connection(context).TotalCountAsync());
    }

    /// <summary>Registers the paging settings (section <c>Experiments</c>).</summary>
    public static IServiceCollection AddExperimentQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ExperimentsPagingOptions>(configuration.GetSection(ExperimentsPagingOptions.Section), options => options.Validate());
        return services;
    }

    private static ValueTask<object?> Experiments(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var options = context.Service<IOptions<ExperimentsPagingOptions>>().Value;
        var paging = ExperimentsPaging.From(
            context.GetArgument<int?>("first"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("after"),
            context.GetArgument<string?>("before"),
            options);
        context.Arguments.TryGetValue("where", out var where);
        context.Arguments.TryGetValue("order", out var order);
        var access = context.Service<ExperimentAccess>();
        var connection = new ExperimentsConnection(
            context.Service<IDbContextFactory<IppDbContext>>(),
            db => access.Reachable(db, caller, Permission.ExperimentsRead),
            ExperimentFilter.Build(where),
            ExperimentOrder.From(order),
            paging,
            context.CancellationToken);
        return new(connection);
    }

    private static ValueTask<object?> ExperimentAsync(ResolveContext context) =>
        GlobalId.TryDecode(context.GetArgument<string>("id"), ExperimentsSchema.TypeName, out var key)
            ? ExperimentsSchema.FindAsync(key, context)
            : new ValueTask<object?>((object?)null);

    private static ExperimentsConnection Connection(ResolveContext context) => context.ParentAs<ExperimentsConnection>();

    private static Experiment[] Nodes(ExperimentsPage page)
    {
        var nodes = new Experiment[page.Edges.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = page.Edges[i].Node;
        }

        return nodes;
    }
}
