using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// <c>editExperiment</c> (<see cref="DraftEditor"/>) and <c>cloneExperiment</c> (<see cref="ExperimentCloner"/>):
/// the caller edits their own drafts, and clones any experiment they may read into a draft of their own.
/// </summary>
public static class DraftMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<EditExperimentInput>("EditExperimentInput")
            .BindInput<CloneExperimentInput>("CloneExperimentInput")
            .BindType<EditExperimentPayload>("EditExperimentPayload")
            .BindType<CloneExperimentPayload>("CloneExperimentPayload")
            .ResolveMutation("editExperiment", EditAsync)
            .ResolveMutation("cloneExperiment", CloneAsync);

    private static async Task<EditExperimentPayload> EditAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<EditExperimentInput>();
        // The transport runs this while the files arrive: the draft takes whole files only.
        await StoredUploads.RequestReadAsync(input.AddFiles?.Select(file => file.File) ?? [], context.CancellationToken);
        var visible = await VisibleApplications.ForCallerAsync(context);
        return new EditExperimentPayload { Experiment = await context.Service<DraftEditor>().EditAsync(caller, input, visible, context.CancellationToken) };
    }

    private static async Task<CloneExperimentPayload> CloneAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<CloneExperimentInput>();
        var visible = await VisibleApplications.ForCallerAsync(context);
        return new CloneExperimentPayload { Experiment = await context.Service<ExperimentCloner>().CloneAsync(caller, input, visible, context.CancellationToken) };
    }
}
