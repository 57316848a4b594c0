using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;

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
            .BindType<PageInfo>("PageInfo")
            .BindConnection<Experiment, Experiment>("ExperimentsConnection", "ExperimentsEdge", experiment => experiment)
            .Resolve("Query.experiments", Experiments)
            .Resolve("Query.experiment", ExperimentAsync);
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
        var access = context.Service<ExperimentAccess>();
        return new(ExperimentsList.Definition.Connect(context, db => access.Reachable(db, caller, Permission.ExperimentsRead)));
    }

    private static ValueTask<object?> ExperimentAsync(ResolveContext context) =>
        GlobalId.TryDecode(context.GetArgument<string>("id"), ExperimentsSchema.TypeName, out var key)
            ? ExperimentsSchema.FindAsync(key, context)
            : new ValueTask<object?>((object?)null);
}
