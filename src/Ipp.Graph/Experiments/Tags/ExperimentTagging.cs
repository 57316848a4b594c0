using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Tags;

/// <summary>
/// Puts tags on an experiment the caller may change (<see cref="ExperimentAccess"/>: their own; any other is
/// <see cref="ExperimentNotFoundError"/>), or takes them off, whatever its status: tags are the owner's labels, not the
/// job's. The tags are those the caller may use (<see cref="TagService.UsableKeysAsync"/>: their own and custom ones).
/// Each experiment is one transaction of the user's writers (<see cref="UserTransactions"/>). An experiment on a
/// container image gives the tags it carries when it completes to the library entry of its outputs.
/// </summary>
public sealed class ExperimentTagging(IDbContextFactory<IppDbContext> databases, ExperimentAccess access)
{
    /// <summary>The tags on experiments.</summary>
    private static readonly TagLinks<ExperimentTag> Links =
        new(t => t.ExperimentId, t => t.TagId, (experiment, tag) => new ExperimentTag { ExperimentId = experiment, TagId = tag });

    /// <summary>Checks, before any experiment is touched, that the caller may use every tag of <paramref name="tagIds"/> (else <c>TAG_NOT_FOUND</c>).</summary>
    public async Task CheckTagsAsync(SignedInCaller caller, IReadOnlyList<string> tagIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await TagService.UsableKeysAsync(db, caller.UserId, tagIds, cancellationToken);
    }

    /// <summary>
    /// Puts the tags <paramref name="tagIds"/> on the experiment <paramref name="id"/> (<paramref name="add"/>), or takes
    /// them off; a tag already on it (or not on it) is no error. Answers the experiment.
    /// </summary>
    public async Task<Experiment> ChangeAsync(SignedInCaller caller, string id, IReadOnlyList<string> tagIds, bool add, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(id, ExperimentsSchema.TypeName, out var key))
        {
            throw new MutationException(new ExperimentNotFoundError(id));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Held until the commit, so the experiment is not deleted under its new tags (its deletion waits).
            await db.Database.ExecuteSqlAsync($"SELECT id FROM experiments WHERE id = {key} FOR KEY SHARE", cancellationToken);
        }

        var experiment = await access.Reachable(db, caller, Permission.ExperimentsWrite).FirstOrDefaultAsync(e => e.Id == key, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(id));
        var tags = await TagService.UsableKeysAsync(db, caller.UserId, tagIds, cancellationToken);
        await Links.ChangeAsync(db, [key], tags, add, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return experiment;
    }
}
