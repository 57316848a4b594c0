using System.Runtime.CompilerServices;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Administration.Approval;

/// <summary><c>accountPending</c>: each new account awaiting approval, for holders of <c>users:manage</c>.</summary>
public static class AccountPendingSubscription
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<AccountPendingEvent>("AccountPendingEvent")
            .Subscribe("Subscription.accountPending", Subscribe);
    }

    private static ValueTask<IAsyncEnumerable<object?>> Subscribe(ResolveContext context)
    {
        var caller = context.RequireCaller();
        return new(Stream(caller, context.Service<PendingAccountHub>(), context.Service<AccountService>(), context.Service<AccessPolicy>(), CancellationToken.None));
    }

    /// <summary>
    /// The events as they come, each checked against what the subscriber holds now: one who lost <c>users:manage</c>
    /// since subscribing receives nothing more.
    /// </summary>
    private static async IAsyncEnumerable<object?> Stream(
        SignedInCaller subscriber, PendingAccountHub hub, AccountService accounts, AccessPolicy policy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var live = hub.Subscribe();
        // Unsubscribing completes the channel, which ends the loop without an exception (as the experiments' stream does).
        using var stop = cancellationToken.Register(static live => ((PendingAccountHub.Subscription)live!).Events.Writer.TryComplete(), live);
        while (await live.Events.Reader.WaitToReadAsync())
        {
            while (live.Events.Reader.TryRead(out var pending))
            {
                if (accounts.IsLive(subscriber) && policy.Holds(accounts.Current(subscriber), Permission.UsersManage))
                {
                    yield return pending;
                }
            }
        }
    }
}
