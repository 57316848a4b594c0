using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Tokens.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// What the contract shows of how an experiment runs: <c>runsThrough</c>, <c>tokenState</c>, its <c>tags</c>, the
/// library entry its outputs became (<c>outputEntry</c>) and the pilot's <c>logs</c>. Tags and output entries of the
/// experiments of one response are read in one query each (data loaders).
/// </summary>
public static class ExperimentTokensSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindEnum<ExperimentTokenState>("TokenState")
            .BindType<ExperimentLog>("ExperimentLog")
            .BindType<UploadNotAcceptedError>("UploadNotAcceptedError")
            .Resolve("Experiment.runsThrough", context => new(context.ParentAs<Experiment>().TokenId is null ? ApplicationRoute.FolderContract : ApplicationRoute.TokenPool))
            .Resolve("Experiment.tokenState", context => new(context.ParentAs<Experiment>().TokenState))
            .BindType<TokenDelivery>("TokenDelivery")
            .BindEnum<TokenDeliveryFailure>("TokenDeliveryFailure")
            .Resolve("Experiment.tokenDelivery", TokenDeliveryAsync)
            .Resolve("Experiment.tags", TagsAsync)
            .Resolve("Experiment.outputEntry", OutputEntryAsync)
            .Resolve("Experiment.logs", LogsAsync);

    private static async ValueTask<object?> TagsAsync(ResolveContext context)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var loader = context.Request.DataLoader<long, Tag[]>("experimentTags", async (ids, cancellationToken) =>
        {
            var keys = ids.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await (from link in db.Set<ExperimentTag>()
                              join tag in db.Set<Tag>() on link.TagId equals tag.Id
                              where keys.Contains(link.ExperimentId)
                              orderby tag.NormalizedName, tag.Id
                              select new { link.ExperimentId, Tag = tag }).AsNoTracking().ToListAsync(cancellationToken);
            var byExperiment = rows.GroupBy(row => row.ExperimentId).ToDictionary(group => group.Key, group => group.Select(row => row.Tag).ToArray());
            return ids.Select(id => byExperiment.TryGetValue(id, out var tags) ? tags : []).ToArray();
        });
        return await loader.LoadAsync(context.ParentAs<Experiment>().Id);
    }

    /// <summary>How posting a QUEUED experiment's token is going once an attempt failed; the outbox rows of a response's experiments read in one query.</summary>
    private static async ValueTask<object?> TokenDeliveryAsync(ResolveContext context)
    {
        var experiment = context.ParentAs<Experiment>();
        if (experiment.TokenState != ExperimentTokenState.Queued)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var loader = context.Request.DataLoader<string, TokenDelivery>("experimentTokenDeliveries", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var entries = await db.Set<PicasOutboxEntry>().AsNoTracking().Where(e => ids.Contains(e.TokenId)).ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, TokenDelivery>)entries
                .Select(entry => (entry.TokenId, Delivery: TokenDelivery.Of(entry)))
                .Where(pair => pair.Delivery is not null)
                .ToDictionary(pair => pair.TokenId, pair => pair.Delivery!);
        });
        return await loader.LoadAsync(experiment.TokenId!);
    }

    /// <summary>The entry the experiment's outputs became, when the caller sees it (their own entry: the owner does).</summary>
    private static async ValueTask<object?> OutputEntryAsync(ResolveContext context)
    {
        var experiment = context.ParentAs<Experiment>();
        if (experiment.TokenId is null || experiment.Status != ExperimentStatus.Completed || context.LiveCaller() is not { } caller)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var policy = context.Service<AccessPolicy>();
        var loader = context.Request.DataLoader<long, LibraryEntry>("experimentOutputEntries", async (keys, cancellationToken) =>
        {
            var ids = keys.Cast<long?>().ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await LibraryVisibility.Seen(db, policy, caller, Permission.FilesRead).AsNoTracking()
                .Where(e => ids.Contains(e.ExperimentId))
                .ToDictionaryAsync(e => e.ExperimentId!.Value, cancellationToken);
            return (IReadOnlyDictionary<long, LibraryEntry>)found;
        });
        return await loader.LoadAsync(experiment.Id);
    }

    private static async ValueTask<object?> LogsAsync(ResolveContext context)
    {
        var experiment = context.ParentAs<Experiment>();
        return experiment.TokenState switch
        {
            null => null,
            // Not posted yet: the pool holds nothing of it.
            ExperimentTokenState.Queued => Array.Empty<ExperimentLog>(),
            _ => await context.Service<ExperimentLogs>().ReadAsync(experiment.TokenId!, context.CancellationToken),
        };
    }
}
