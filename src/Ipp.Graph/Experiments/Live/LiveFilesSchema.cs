using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Picas;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Binds <c>Subscription.experimentOutputs</c> (<see cref="OutputsSubscription"/>) and
/// <c>Subscription.experimentLog</c> (<see cref="LogTailSubscription"/>), registers what they use, and finds the
/// experiment both follow.
/// </summary>
public static class LiveFilesSchema
{
    public static void Bind(SchemaBuilder schema)
    {
        OutputsSubscription.Bind(schema);
        LogTailSubscription.Bind(schema);
    }

    public static IServiceCollection AddExperimentLiveFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<LiveFilesOptions>(configuration.GetSection(LiveFilesOptions.Section), options => options.Validate());
        services.AddSingleton<OutputsFolderWatches>();
        services.AddSingleton<LogTailTokenObserver>();
        if (PicasServiceCollectionExtensions.IsConfigured(configuration))
        {
            services.AddSingleton<IPicasTokenObserver>(provider => provider.GetRequiredService<LogTailTokenObserver>());
        }

        return services;
    }

    /// <summary>
    /// The experiment the argument <c>id</c> names, which the caller may read; otherwise the error every subscription
    /// on one experiment answers (<see cref="ExperimentsErrorCodes.ExperimentNotFound"/>).
    /// </summary>
    internal static async Task<LiveExperiment> FindAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        if (!GlobalId.TryDecode(context.GetArgument<string>("id"), ExperimentsSchema.TypeName, out var key)
            || await context.Service<ExperimentAccess>().FindAsync(key, caller, Permission.ExperimentsRead, context.CancellationToken) is not { } experiment)
        {
            throw new GraphQLError("No experiment of yours has this id.", code: ExperimentsErrorCodes.ExperimentNotFound);
        }

        return new LiveExperiment(experiment.Id, experiment.UserId, experiment.Status, experiment.TokenId);
    }

    /// <summary>The services of the subscription's request (its singletons outlive any event).</summary>
    internal static IServiceProvider Services(ResolveContext context) =>
        context.Request.Services ?? throw new InvalidOperationException("The request context carries no services.");

    /// <summary>
    /// <paramref name="stream"/>, which releases <paramref name="follower"/> when it is disposed, even if it was never
    /// read (an iterator not yet started runs no <c>finally</c>): the folder's place is never lost.
    /// </summary>
    internal static IAsyncEnumerable<object?> Releasing(IAsyncEnumerable<object?> stream, LiveFilesFollower follower) => new ReleasingStream(stream, follower);

    private sealed class ReleasingStream(IAsyncEnumerable<object?> stream, LiveFilesFollower follower) : IAsyncEnumerable<object?>
    {
        public IAsyncEnumerator<object?> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new Enumerator(stream.GetAsyncEnumerator(cancellationToken), follower);

        private sealed class Enumerator(IAsyncEnumerator<object?> inner, LiveFilesFollower follower) : IAsyncEnumerator<object?>
        {
            public object? Current => inner.Current;

            public ValueTask<bool> MoveNextAsync() => inner.MoveNextAsync();

            public async ValueTask DisposeAsync()
            {
                try
                {
                    await inner.DisposeAsync();
                }
                finally
                {
                    follower.Dispose();
                }
            }
        }
    }
}
