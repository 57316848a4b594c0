using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// <c>createExperiment</c>, <c>submitExperiment</c> and <c>deleteExperiment</c>: the caller creates their own, and
/// submits and deletes those the <see cref="Authorization.AccessPolicy"/> lets them change (their own). Creating and
/// submitting run an application, which <see cref="VisibleApplications.FindAsync"/> alone finds: one the caller may not
/// see is answered as unknown, and the route of the one found decides who writes the experiment: a container image
/// runs through the PiCaS pool (<see cref="ImageExperiments"/>), the catalogue's entries through the folder contract
/// (<see cref="ExperimentWriter"/>).
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
        var application = await (await VisibleApplications.ForCallerAsync(context)).FindAsync(input.Application)
            ?? throw new MutationException(new ApplicationUnknownError(input.Application));
        var experiment = application.RunsThrough == ApplicationRoute.TokenPool
            ? await context.Service<ImageExperiments>().CreateAsync(caller, application.Image!.Key, input, context.CancellationToken)
            : await context.Service<ExperimentWriter>().CreateAsync(caller, input, context.CancellationToken);
        return new CreateExperimentPayload { Experiment = experiment };
    }

    private static async Task<SubmitExperimentPayload> SubmitAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentIdInput>();
        var visible = await VisibleApplications.ForCallerAsync(context);
        var experiment = await context.Service<ImageExperiments>().TrySubmitAsync(caller, input.Id, visible, context.CancellationToken)
            ?? await context.Service<ExperimentWriter>().SubmitAsync(caller, input.Id, visible, context.CancellationToken);
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
