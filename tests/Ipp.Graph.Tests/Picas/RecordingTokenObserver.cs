using System.Collections.Concurrent;
using Ipp.Graph.Picas;

namespace Ipp.Graph.Tests.Picas;

/// <summary>An observer of the pool that keeps what it was handed, in order, and lets a test wait for a state.</summary>
internal sealed class RecordingTokenObserver : IPicasTokenObserver
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    public ConcurrentQueue<PicasTokenState> Changed { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public Task TokenChangedAsync(PicasTokenState token, CancellationToken cancellationToken)
    {
        Changed.Enqueue(token);
        return Task.CompletedTask;
    }

    public Task TokenDeletedAsync(string id, CancellationToken cancellationToken)
    {
        Deleted.Enqueue(id);
        return Task.CompletedTask;
    }

    /// <summary>The first state handed on that meets <paramref name="condition"/>, once it came.</summary>
    public async Task<PicasTokenState> WaitForAsync(Func<PicasTokenState, bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (true)
        {
            if (Changed.FirstOrDefault(condition) is { } token)
            {
                return token;
            }

            Assert.True(DateTime.UtcNow < deadline, "The observer was not handed the state waited for; it got: " + string.Join(", ", Changed));
            await Task.Delay(50);
        }
    }
}
