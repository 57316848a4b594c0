using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// What the oracle's asynchronous resolvers await instead of <c>Task.Yield()</c>: it resumes them later, one at a
/// time, in the order they awaited. graphql-js's async resolvers resume in that order (the microtask queue); with
/// the thread pool's order, fields that race (an error beside a null that nulls the whole response) would make
/// the comparison flaky.
/// </summary>
internal readonly struct InOrder : ICriticalNotifyCompletion
{
    // One plain thread rather than a TaskScheduler: under a custom scheduler, .NET would hand the engine's own
    // continuations to the thread pool instead of running them inline, and the order would be lost again.
    private static readonly BlockingCollection<Action> Queue = StartWorker();

    public static InOrder Later() => default;

    public InOrder GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) => Queue.Add(continuation);

    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);

    private static BlockingCollection<Action> StartWorker()
    {
        var queue = new BlockingCollection<Action>();
        var worker = new Thread(() =>
        {
            foreach (var continuation in queue.GetConsumingEnumerable())
            {
                continuation();
            }
        })
        {
            IsBackground = true,
            Name = "oracle resolvers, in order",
        };
        worker.Start();
        return queue;
    }
}
