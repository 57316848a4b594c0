using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Keeps the internals of unexpected exceptions from clients. A resolver that throws anything but a
/// <see cref="GraphQLError"/> leaves an error whose message is the exception's (the engine keeps the exception as
/// its inner exception); such errors are replaced by "Unexpected error." with a correlation id, and each exception
/// is logged once with that id. Errors the code raised on purpose (GraphQLError) pass unchanged.
/// </summary>
public static partial class UnexpectedErrors
{
    /// <summary>The message clients see in place of an unexpected exception's.</summary>
    public const string Message = "Unexpected error.";

    /// <summary>Most exceptions logged for one response; a list whose every item failed must not flood the log.</summary>
    internal const int MaxLoggedPerResponse = 10;

    /// <summary>True when the error carries an exception the code did not mean clients to read.</summary>
    public static bool IsUnexpected(GraphQLError error) => error.InnerException is { } inner && inner is not GraphQLError;

    /// <summary>
    /// <paramref name="result"/> with its unexpected errors masked and logged; the same instance when it has none.
    /// </summary>
    public static ExecutionResult Mask(ExecutionResult result, ILogger logger, string? operationName)
    {
        var errors = result.Errors;
        if (errors is null || !HasUnexpected(errors))
        {
            return result;
        }

        var correlationId = CorrelationId.ForCurrentRequest();
        var masked = new GraphQLError[errors.Count];
        var logged = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var unlogged = 0;
        for (var i = 0; i < masked.Length; i++)
        {
            var error = errors[i];
            if (!IsUnexpected(error))
            {
                masked[i] = error;
                continue;
            }

            var exception = error.InnerException!;
            if (logged.Count < MaxLoggedPerResponse)
            {
                if (logged.Add(exception))
                {
                    LogUnexpected(logger, exception, correlationId, operationName ?? "(unnamed)", FormatPath(error.Path));
                }
            }
            else if (!logged.Contains(exception))
            {
                unlogged++;
            }

            masked[i] = new GraphQLError(
                Message,
                error.Locations,
                error.Path,
                ErrorCodes.InternalServerError,
                new Dictionary<string, object?> { [CorrelationId.ExtensionKey] = correlationId });
        }

        if (unlogged > 0)
        {
            LogMore(logger, unlogged, correlationId);
        }

        return result.WithErrors(masked);
    }

    private static bool HasUnexpected(IReadOnlyList<GraphQLError> errors)
    {
        for (var i = 0; i < errors.Count; i++)
        {
            if (IsUnexpected(errors[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string FormatPath(IReadOnlyList<object>? path) => path is null ? "(no field)" : string.Join('.', path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {CorrelationId} in GraphQL operation {OperationName} at {Path}.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string operationName, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {CorrelationId}: {Count} more unexpected errors in the same response were not logged.")]
    private static partial void LogMore(ILogger logger, int count, string correlationId);
}
