using System.Collections.Concurrent;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Support;

/// <summary>A logger provider that keeps every entry the server logs, so tests can read the log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Entries at Error or above: an unhandled exception shows here.</summary>
    public IEnumerable<LogEntry> Errors => _entries.Where(entry => entry.Level >= LogLevel.Error);

    /// <summary>
    /// Warnings and errors of the server's own code, not the framework's (a first start on a machine warns that its
    /// new data-protection key is stored unencrypted).
    /// </summary>
    public IEnumerable<LogEntry> ServerWarnings =>
        _entries.Where(entry => entry.Level >= LogLevel.Warning && entry.Category.StartsWith("Ipp.Graph", StringComparison.Ordinal));

    /// <summary>Waits until an entry <paramref name="matches"/>; fails after <see cref="TestEvents.Patience"/>, naming <paramref name="what"/>.</summary>
    public async Task WaitForAsync(Func<LogEntry, bool> matches, string what)
    {
        var deadline = DateTime.UtcNow + TestEvents.Patience;
        while (!_entries.Any(matches))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for the log entry: {what}.");
            await Task.Delay(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
