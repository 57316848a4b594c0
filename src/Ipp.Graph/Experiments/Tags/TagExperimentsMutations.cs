using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Bulk;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Tags;

/// <summary>
/// <c>tagExperiments</c> and <c>untagExperiments</c>: the tags are checked once for the whole request (one the caller
/// may not use refuses it, nothing changed), then <see cref="ExperimentTagging"/> changes each experiment on its own
/// (<see cref="BulkExperiments"/>).
/// </summary>
public static class TagExperimentsMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<ExperimentTagsInput>("TagExperimentsInput")
            .BindInput<ExperimentTagsInput>("UntagExperimentsInput")
            .BindType<BulkPayload<ExperimentItemResult>>("TagExperimentsPayload")
            .BindType<BulkPayload<ExperimentItemResult>>("UntagExperimentsPayload")
            .BindType<ExperimentItemResult>("TagExperimentsResult")
            .BindType<ExperimentItemResult>("UntagExperimentsResult")
            .ResolveMutation("tagExperiments", context => ChangeAsync(context, add: true))
            .ResolveMutation("untagExperiments", context => ChangeAsync(context, add: false));

    private static async Task<BulkPayload<ExperimentItemResult>> ChangeAsync(ResolveContext context, bool add)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentTagsInput>();
        var cancellationToken = context.CancellationToken;
        var bulk = context.Service<BulkExperiments>();
        var tagging = context.Service<ExperimentTagging>();
        bulk.CheckCount(input.Experiments.Count, "experiments");
        bulk.CheckCount(input.Tags.Count, "tags");
        await tagging.CheckTagsAsync(caller, input.Tags, cancellationToken);
        var results = await bulk.RunOnExperimentsAsync(
            input.Experiments, id => tagging.ChangeAsync(caller, id, input.Tags, add, cancellationToken), cancellationToken);
        return new BulkPayload<ExperimentItemResult> { Results = results };
    }
}

/// <summary>The <c>TagExperimentsInput</c> and <c>UntagExperimentsInput</c> input types.</summary>
public sealed record ExperimentTagsInput(IReadOnlyList<string> Experiments, IReadOnlyList<string> Tags);
