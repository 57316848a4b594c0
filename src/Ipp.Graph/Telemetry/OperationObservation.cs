using System.Diagnostics;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// One GraphQL operation observed: its span (when traces are recorded) and, when it ends (<see cref="Dispose"/>),
/// its duration and outcome in <see cref="GraphQLMetrics"/>. Errors are recorded by their code and path only: never a
/// message (a variable's value, a password, can be quoted in one) nor the document or its variables.
/// </summary>
public sealed class OperationObservation : IDisposable
{
    internal const string TypeAttribute = "graphql.operation.type";
    internal const string NameAttribute = "graphql.operation.name";
    internal const string ErrorTypeAttribute = "error.type";

    /// <summary>The most errors of one operation recorded as events of its span.</summary>
    internal const int MaxErrorEvents = 10;

    private readonly string? _type;
    private readonly string? _name;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _errorType;
    private int _errorEvents;
    private bool _subscribed;
    private int _ended;

    internal OperationObservation(Activity? activity, string? type, string? name)
    {
        Activity = activity;
        _type = type;
        _name = name;
    }

    /// <summary>The operation's span; null when no traces are recorded.</summary>
    public Activity? Activity { get; }

    /// <summary>
    /// Records the errors of a response (the operation's, or one event's of a subscription), before unexpected ones
    /// are masked: the span's status becomes Error and each error an event (an unexpected one an <c>exception</c>
    /// event with the exception's type), and the first error's code is the operation's <c>error.type</c>.
    /// </summary>
    public void Record(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        var first = _errorType is null;
        _errorType ??= CodeOf(errors[0]);
        if (Activity is null)
        {
            return;
        }

        if (first)
        {
            Activity.SetStatus(ActivityStatusCode.Error, _errorType);
            Activity.SetTag(ErrorTypeAttribute, _errorType);
        }

        for (var i = 0; i < errors.Count && _errorEvents < MaxErrorEvents; i++, _errorEvents++)
        {
            var error = errors[i];
            var tags = new ActivityTagsCollection { [ErrorTypeAttribute] = CodeOf(error) };
            if (error.Path is { } path)
            {
                tags["graphql.error.path"] = string.Join('.', path);
            }

            if (UnexpectedErrors.IsUnexpected(error))
            {
                tags["exception.type"] = error.InnerException!.GetType().FullName;
                Activity.AddEvent(new ActivityEvent("exception", tags: tags));
            }
            else
            {
                Activity.AddEvent(new ActivityEvent("graphql.error", tags: tags));
            }
        }
    }

    /// <summary>
    /// Records an exception that ended the operation. Cancellation is no error: the client went away or stopped
    /// the operation (how every subscription over WebSocket ends).
    /// </summary>
    public void Fail(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return;
        }

        var type = exception.GetType().FullName;
        _errorType ??= type;
        if (Activity is not null)
        {
            Activity.SetStatus(ActivityStatusCode.Error, type);
            Activity.SetTag(ErrorTypeAttribute, _errorType);
            Activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = type }));
        }
    }

    /// <summary>The operation is a subscription whose stream started: it counts as active until it ends.</summary>
    public void SubscriptionStarted()
    {
        // Counted only when listened to as it starts, so its end never takes away what was not added.
        _subscribed = GraphQLMetrics.ActiveSubscriptions.Enabled;
        if (_subscribed)
        {
            GraphQLMetrics.ActiveSubscriptions.Add(1, new KeyValuePair<string, object?>(NameAttribute, _name));
        }
    }

    /// <summary>Ends the observation (once): records the duration and outcome, and ends the span.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var tags = new TagList();
        if (_type is not null)
        {
            tags.Add(TypeAttribute, _type);
        }

        if (_name is not null)
        {
            tags.Add(NameAttribute, _name);
        }

        if (_errorType is not null)
        {
            tags.Add(ErrorTypeAttribute, _errorType);
        }

        GraphQLMetrics.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        if (_subscribed)
        {
            GraphQLMetrics.ActiveSubscriptions.Add(-1, new KeyValuePair<string, object?>(NameAttribute, _name));
        }

        Activity?.Dispose();
    }

    /// <summary>An error's code as clients see it (an unexpected exception is INTERNAL_SERVER_ERROR once masked).</summary>
    private static string CodeOf(GraphQLError error) =>
        UnexpectedErrors.IsUnexpected(error) ? ErrorCodes.InternalServerError : error.Code ?? "_OTHER";
}
