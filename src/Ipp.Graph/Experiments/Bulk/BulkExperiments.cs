using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Bulk;

/// <summary>
/// Runs one verb on many experiments in one mutation, each reported on its own (the contract's bulk convention: a
/// payload's <c>results</c>, one <see cref="BulkItemResult"/> per experiment named, each with its own typed
/// <c>errors</c>; the payload's own <c>errors</c> for a request refused as a whole, which changes nothing). The verb
/// is a function of one experiment's id that answers its result or throws a <see cref="MutationException"/>: that
/// experiment is reported with the error and the others go on, so the verb must change nothing of an experiment it
/// fails. A repeated id is run and reported once, at its first place. Anything else a verb throws (the folders cannot
/// be written, the database is gone) ends the request with a top-level error: the experiments before it are done,
/// those after it untouched.
/// </summary>
public sealed class BulkExperiments(IOptions<BulkExperimentsOptions> options)
{
    private int MaxItems => options.Value.MaxBulkItems;

    /// <summary>Refuses the request as a whole (<see cref="BulkLimitExceededError"/>) when it names more <paramref name="what"/> than allowed.</summary>
    public void CheckCount(int given, string what)
    {
        if (given > MaxItems)
        {
            throw new MutationException(new BulkLimitExceededError(what, given, MaxItems));
        }
    }

    /// <summary>Runs <paramref name="apply"/> on each experiment of <paramref name="ids"/> in turn; their results in the order named.</summary>
    public async Task<IReadOnlyList<TResult>> RunAsync<TResult>(IReadOnlyList<string> ids, Func<string, Task<TResult>> apply, CancellationToken cancellationToken)
        where TResult : BulkItemResult, new()
    {
        CheckCount(ids.Count, "experiments");
        var results = new List<TResult>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(await apply(id));
            }
            catch (MutationException failure)
            {
                results.Add(new TResult { Id = id, Errors = [failure.Error] });
            }
        }

        return results;
    }

    /// <summary>
    /// <see cref="RunAsync{TResult}"/> for a verb that answers the experiment after the change (tag, cancel, retry):
    /// each result carries it.
    /// </summary>
    public Task<IReadOnlyList<ExperimentItemResult>> RunOnExperimentsAsync(
        IReadOnlyList<string> ids, Func<string, Task<Experiment>> apply, CancellationToken cancellationToken) =>
        RunAsync(ids, async id => new ExperimentItemResult { Id = id, Experiment = await apply(id) }, cancellationToken);
}
