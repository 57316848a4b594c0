using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Storage;

/// <summary>
/// A write under <c>UPLOAD_FOLDER</c> failed: a folder is read-only or is not a folder, the disk is full (ENOSPC), the
/// file system's quota is reached (EDQUOT), a folder is gone; or a blob store (<c>Storage/Blobs</c>) failed: its folder
/// so, or its WebDAV server down, full, refusing the credentials or silent. It says what was being done, paths included, and the
/// operating system's reason, for the log (<see cref="Log"/>, once per failure); clients are only told
/// <see cref="ClientMessage"/> with the code <c>STORAGE_UNAVAILABLE</c>, never a path.
/// </summary>
public sealed partial class StorageUnavailableException : Exception
{
    /// <summary>What clients are told.</summary>
    public const string ClientMessage = "The server cannot store files right now. Please try again later.";

    /// <param name="doing">What was being done, with its paths: "create the folder /srv/uploads/.instances/web-1/staging/7".</param>
    /// <param name="cause">The failure the file system reported.</param>
    public StorageUnavailableException(string doing, Exception cause)
        : base($"Could not {doing}: {ReasonOf(cause)}", cause)
    {
        Doing = doing;
        Reason = ReasonOf(cause);
    }

    /// <summary>What was being done, with its paths.</summary>
    public string Doing { get; }

    /// <summary>The operating system's reason: "Permission denied", "No space left on device".</summary>
    public string Reason { get; }

    /// <summary>The error clients get: <see cref="ClientMessage"/> with the code <c>STORAGE_UNAVAILABLE</c>.</summary>
    public static GraphQLError ClientError() => new(ClientMessage, code: StorageErrorCodes.StorageUnavailable);

    /// <summary>True for the failures a file system reports (.NET turns EACCES, EPERM into UnauthorizedAccessException, the rest into IOException).</summary>
    public static bool IsCause(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>Runs <paramref name="step"/>, a write under UPLOAD_FOLDER: its file system failure becomes this exception.</summary>
    public static void Guard(string doing, Action step)
    {
        try
        {
            step();
        }
        catch (Exception exception) when (IsCause(exception))
        {
            throw new StorageUnavailableException(doing, exception);
        }
    }

    /// <summary>Runs <paramref name="step"/>, a write under UPLOAD_FOLDER, for its result: its file system failure becomes this exception.</summary>
    public static T Guard<T>(string doing, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception exception) when (IsCause(exception))
        {
            throw new StorageUnavailableException(doing, exception);
        }
    }

    /// <summary>
    /// Logs the failure as an error naming the paths and the reason. No stack trace: the cause is the file system,
    /// which an operator must fix, not the code.
    /// </summary>
    public void Log(ILogger logger) => LogUnavailable(logger, Doing, Reason);

    /// <summary>The system's words: .NET keeps them in an UnauthorizedAccessException's inner IOException.</summary>
    private static string ReasonOf(Exception cause) =>
        cause is UnauthorizedAccessException { InnerException: IOException system } ? system.Message : cause.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "The server cannot store files: could not {Doing}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string doing, string reason);
}
