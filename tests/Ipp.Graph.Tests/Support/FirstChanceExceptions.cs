using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// Records every exception of type <typeparamref name="T"/> thrown anywhere in the process while it lives, caught or
/// not (<see cref="AppDomain.FirstChanceException"/>), with the stack where it was thrown. Meant for tests of the
/// <see cref="ProcessWide"/> collection, which run alone.
/// </summary>
public sealed class FirstChanceExceptions<T> : IDisposable
    where T : Exception
{
    private readonly ConcurrentQueue<string> _thrown = new();

    public FirstChanceExceptions() => AppDomain.CurrentDomain.FirstChanceException += OnThrown;

    /// <summary>Each exception recorded: its type, message and the stack that threw it.</summary>
    public IReadOnlyCollection<string> Thrown => _thrown;

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnThrown;

    private void OnThrown(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is T)
        {
            _thrown.Enqueue($"{e.Exception.GetType().Name}: {e.Exception.Message}\n{Environment.StackTrace}");
        }
    }
}
