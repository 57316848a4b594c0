using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// <c>createExperiment</c>, <c>submitExperiment</c> and <c>deleteExperiment</c>: the caller creates their own, and
/// submits and deletes those the <see cref="Authorization.AccessPolicy"/> lets them change (their own). Creating and
/// submitting run an application: one the caller may not see (<see cref="VisibleApplications"/>) is answered as unknown.
/// An application that is a container image's global id runs through the PiCaS pool (<see cref="ImageExperiments"/>);
/// any other is the catalogue's, run through the folder contract (<see cref="ExperimentWriter"/>).
/// </summary>
public static class ExperimentMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<CreateExperimentInput>("CreateExperimentInput")
            .BindInput<ExperimentFileInput>("ExperimentFileInput")
            .BindInput<ExperimentIdInput>("SubmitExperimentInput")
            .BindInput<ExperimentIdInput>("DeleteExperimentInput")
            .BindType<CreateExperimentPayload>("CreateExperimentPayload")
            .BindType<SubmitExperimentPayload>("SubmitExperimentPayload")
            .BindType<DeleteExperimentPayload>("DeleteExperimentPayload")
            .BindType<ApplicationUnknownError>("ApplicationUnknownError")
            .BindType<InvalidParametersError>("InvalidParametersError")
            .BindType<ParameterProblem>("ParameterProblem")
            .BindType<QuotaExceededError>("QuotaExceededError")
            .BindType<ExperimentLimitReachedError>("ExperimentLimitReachedError")
            .BindType<ExperimentNotFoundError>("ExperimentNotFoundError")
            .BindType<ExperimentNotEditableError>("ExperimentNotEditableError")
            .BindType<ExperimentBusyError>("ExperimentBusyError")
            .Resolve("ParameterProblem.field", context => new(context.ParentAs<ParameterProblem>().Name))
            .ResolveMutation("createExperiment", CreateAsync)
            .ResolveMutation("submitExperiment", SubmitAsync)
            .ResolveMutation("deleteExperiment", DeleteAsync);

    private static async Task<CreateExperimentPayload> CreateAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<CreateExperimentInput>();
        // The transport runs this while the files arrive: the experiment is made of whole files only.
        await StoredUploads.RequestReadAsync(input.Files?.Select(file => file.File) ?? [], context.CancellationToken);
        await context.Service<ExperimentCreationRateLimiter>().AcquireAsync(caller.UserId, context.Server());
        if (GlobalId.TryDecode(input.Application, ImageView.TypeName, out var imageKey))
        {
            return new CreateExperimentPayload
            {
                Experiment = await context.Service<ImageExperiments>().CreateAsync(caller, imageKey, input, context.CancellationToken),
            };
        }

        (await VisibleApplications.ForCallerAsync(context)).Runnable(input.Application);
        var experiment = await context.Service<ExperimentWriter>().CreateAsync(caller, input, context.CancellationToken);
        return new CreateExperimentPayload { Experiment = experiment };
    }

    private static async Task<SubmitExperimentPayload> SubmitAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentIdInput>();
        if (await context.Service<ImageExperiments>().TrySubmitAsync(caller, input.Id, context.CancellationToken) is { } submitted)
        {
            return new SubmitExperimentPayload { Experiment = submitted };
        }

        var visible = await VisibleApplications.ForCallerAsync(context);
        var experiment = await context.Service<ExperimentWriter>().SubmitAsync(caller, input.Id, visible, context.CancellationToken);
        return new SubmitExperimentPayload { Experiment = experiment };
    }

    private static async Task<DeleteExperimentPayload> DeleteAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentIdInput>();
        var deletedId = await context.Service<ExperimentWriter>().DeleteAsync(caller, input.Id, context.CancellationToken);
        return new DeleteExperimentPayload { DeletedId = deletedId };
    }
}

/// <summary>The <c>SubmitExperimentInput</c> and <c>DeleteExperimentInput</c> input types: one experiment's global id.</summary>
public sealed record ExperimentIdInput(string Id);
