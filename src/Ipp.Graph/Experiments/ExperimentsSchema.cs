using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.Experiments.Query;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments;

/// <summary>
/// The experiment types of the contract: <c>Experiment</c> is the <see cref="Experiment"/> entity wherever the
/// contract returns one, with its computed fields resolved here; <c>node(id:)</c> finds the caller's experiments.
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
    }

    /// <summary>The caller's experiment with this eid, or null when it is not theirs or is still being created.</summary>
    public static async ValueTask<Experiment?> FindOwnAsync(long experimentId, SignedInCaller caller, IDbContextFactory<IppDbContext> databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(
            e => e.Id == experimentId && e.UserId == caller.UserId && e.Status != ExperimentStatus.Staging, cancellationToken);
    }

    /// <summary>
    /// The caller's experiment with this eid through the request's data loader, so that the experiments of one
    /// <c>nodes(ids:)</c> or of several <c>experiment(id:)</c> fields are read in one query; null when not theirs.
    /// </summary>
    public static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var loader = context.Request.DataLoader<long, Experiment>("ownExperiments", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await db.Experiments.AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.UserId == caller.UserId && e.Status != ExperimentStatus.Staging)
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            return (IReadOnlyDictionary<long, Experiment>)found;
        });
        return await loader.LoadAsync(key);
    }

    private static ValueTask<object?> Parameters(ResolveContext context) =>
        new(JsonDocument.Parse(context.ParentAs<Experiment>().ParametersJson).RootElement.Clone());

    /// <summary>Experiments are shown to their owner only: the owner is the caller.</summary>
    private static ValueTask<object?> Owner(ResolveContext context)
    {
        var caller = context.RequireCaller();
        return caller.UserId == context.ParentAs<Experiment>().UserId
            ? new(caller.User)
            : throw new InvalidOperationException("An experiment reached a caller who does not own it.");
    }
}
