namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// A field whose resolver has not completed yet. When its value task completes, it posts itself to the
/// request's inbox; the loop then completes the value. Instances are reused within a request.
/// </summary>
internal sealed class PendingField
{
    private readonly ExecutionInbox _inbox;
    private readonly Action _onCompleted;

    public PendingField(ExecutionInbox inbox)
    {
        _inbox = inbox;
        _onCompleted = () => _inbox.Post(this);
    }

    public ResolveContext Context;

    public ValueTask<object?> Task;

    /// <summary>The next free instance, while this one is in the request's free list.</summary>
    public PendingField? NextFree;

    /// <summary>Starts waiting for <see cref="Task"/>; the continuation only posts, so it may run on any thread.</summary>
    public void Await() => Task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onCompleted);
}
