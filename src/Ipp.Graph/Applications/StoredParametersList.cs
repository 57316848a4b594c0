using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Applications;

/// <summary>
/// <c>storedParameters(application:)</c>: the caller's own earlier parameter sets for an application of either kind
/// (TrainMate's <c>stored_parameters</c>), to prefill its form. Each distinct parameters JSON once, compared as
/// stored, represented by the newest of the caller's experiments that stored it (one SQL query per page: an
/// experiment is kept when none of the caller's newer ones on the application has the same text, which the index
/// on (user_id, created_at) serves), newest first, paged as every list. An application the caller may not see
/// (<see cref="VisibleApplications"/>) gives the same empty list as one that does not exist.
/// </summary>
internal static class StoredParametersList
{
    public static readonly ListDefinition<StoredParameterSet> Definition = new()
    {
        Name = "storedParameters",
        Filters = new Dictionary<string, ListFilterField<StoredParameterSet>>(StringComparer.Ordinal),
        SortKeys = [ListSortKey<StoredParameterSet>.Instant("lastUsedAt", s => s.LastUsedAt)],
        Id = s => s.ExperimentId,
        DefaultOrder = ("lastUsedAt", true),
        PageSizes = ListPageSizes.Of<StoredParametersOptions>,
    };

    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<StoredParameterSet>("StoredParameterSet")
            .BindConnection<StoredParameterSet, StoredParameterSet>("StoredParametersConnection", "StoredParametersEdge", set => set)
            .Resolve("StoredParameterSet.parameters", context => new(JsonDocument.Parse(context.ParentAs<StoredParameterSet>().ParametersJson).RootElement.Clone()))
            .Resolve("StoredParameterSet.experimentId", context => new(GlobalId.Encode(ExperimentsSchema.TypeName, context.ParentAs<StoredParameterSet>().ExperimentId)))
            .Resolve("Query.storedParameters", StoredParametersAsync);
    }

    private static async ValueTask<object?> StoredParametersAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var key = context.GetArgument<string>("application");
        var access = context.Service<ExperimentAccess>();
        var visible = await (await VisibleApplications.ForCallerAsync(context)).FindAsync(key) is not null;
        return Definition.Connect(context, db => LastUses(
            access.Reachable(db, caller, Permission.ExperimentsRead).Where(e => visible && e.UserId == caller.UserId && e.ApplicationKey == key)));
    }

    /// <summary>Of <paramref name="experiments"/>, each one no newer experiment among them has the same parameters text.</summary>
    private static IQueryable<StoredParameterSet> LastUses(IQueryable<Experiment> experiments) =>
        experiments
            .Where(e => !experiments.Any(newer =>
                newer.ParametersJson == e.ParametersJson && (newer.CreatedAt > e.CreatedAt || (newer.CreatedAt == e.CreatedAt && newer.Id > e.Id))))
            .Select(e => new StoredParameterSet { ExperimentId = e.Id, ParametersJson = e.ParametersJson, LastUsedAt = e.CreatedAt });
}
