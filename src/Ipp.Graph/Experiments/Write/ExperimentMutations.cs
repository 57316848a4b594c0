using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Experiments.Write;

/// <summary><c>createExperiment</c>, <c>submitExperiment</c> and <c>deleteExperiment</c>: the caller's own experiments only.</summary>
public static class ExperimentMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<CreateExperimentInput>("CreateExperimentInput")
            .BindInput<ExperimentFileInput>("ExperimentFileInput")
            .Resolve("Mutation.createExperiment", CreateAsync)
            .Resolve("Mutation.submitExperiment", SubmitAsync)
            .Resolve("Mutation.deleteExperiment", DeleteAsync);

    private static async ValueTask<object?> CreateAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        context.Service<ExperimentCreationRateLimiter>().Acquire(caller.UserId);
        var input = context.GetArgument<CreateExperimentInput>("input");
        var experiment = await context.Service<ExperimentWriter>().CreateAsync(caller.UserId, caller.Email, input, context.CancellationToken);
        return new ExperimentPayload(experiment);
    }

    private static async ValueTask<object?> SubmitAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var experiment = await context.Service<ExperimentWriter>().SubmitAsync(caller.UserId, context.GetArgument<string>("id"), context.CancellationToken);
        return new ExperimentPayload(experiment);
    }

    private static async ValueTask<object?> DeleteAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var deletedId = await context.Service<ExperimentWriter>().DeleteAsync(caller.UserId, context.GetArgument<string>("id"), context.CancellationToken);
        return new DeleteExperimentPayload(deletedId);
    }
}
