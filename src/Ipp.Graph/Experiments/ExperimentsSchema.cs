using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Bulk;
using Ipp.Graph.Experiments.Drafts;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Query;
using Ipp.Graph.Experiments.Snapshots;
using Ipp.Graph.Experiments.Tags;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments;

/// <summary>
/// The experiment types of the contract: <c>Experiment</c> is the <see cref="Experiment"/> entity wherever the
/// contract returns one, with its computed fields resolved here; <c>node(id:)</c> finds the experiments the caller
/// may read (<see cref="ExperimentAccess"/>).
/// The queries, mutations and subscription are bound by the parts of the feature that implement them.
/// </summary>
public static class ExperimentsSchema
{
    /// <summary>The type name in global ids: <c>Experiment:&lt;eid&gt;</c>.</summary>
    public const string TypeName = "Experiment";

    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<Experiment>("Experiment")
            .BindEnum<ExperimentStatus>("ExperimentStatus")
            .Resolve("Experiment.id", context => new(GlobalId.Encode(TypeName, context.ParentAs<Experiment>().Id)))
            .Resolve("Experiment.parameters", Parameters)
            .Resolve("Experiment.owner", Owner);
        nodes.Add(TypeName, FindAsync);
        ExperimentQueries.Bind(schema);
        ExperimentFilesSchema.Bind(schema);
        ExperimentMutations.Bind(schema);
        ExperimentTokensSchema.Bind(schema);
        LiveFilesSchema.Bind(schema);
        DeleteExperimentsMutations.Bind(schema);
        TagExperimentsMutations.Bind(schema);
        DraftMutations.Bind(schema);
        SnapshotsSchema.Bind(schema);
        LifecycleMutations.Bind(schema);
        BulkLifecycleMutations.Bind(schema);
    }

    /// <summary>
    /// The experiment with this eid the caller may read, through the request's data loader, so that the experiments
    /// of one <c>nodes(ids:)</c> or of several <c>experiment(id:)</c> fields are read in one query; null otherwise.
    /// </summary>
    public static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var access = context.Service<ExperimentAccess>();
        var loader = context.Request.DataLoader<long, Experiment>("readableExperiments", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await access.Reachable(db, caller, Permission.ExperimentsRead)
                .Where(e => ids.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            return (IReadOnlyDictionary<long, Experiment>)found;
        });
        return await loader.LoadAsync(key);
    }

    private static ValueTask<object?> Parameters(ResolveContext context) =>
        new(JsonDocument.Parse(context.ParentAs<Experiment>().ParametersJson).RootElement.Clone());

    /// <summary>The owner as <c>node(id:)</c> shows users: the caller when it is theirs.</summary>
    private static ValueTask<object?> Owner(ResolveContext context) =>
        AccountsSchema.FetchUser(context.ParentAs<Experiment>().UserId, context);
}
