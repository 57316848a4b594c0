namespace Ipp.Graph.Picas;

/// <summary>How a request to the token pool's CouchDB server ended.</summary>
public enum CouchOutcome
{
    /// <summary>It worked; the result holds the answer.</summary>
    Ok,

    /// <summary>404: no such document, view or database.</summary>
    NotFound,

    /// <summary>409 (or 412 for a database that exists): the document exists with another revision, or already exists.</summary>
    Conflict,

    /// <summary>401 or 403: the credentials are wrong or lack the right.</summary>
    Unauthorized,

    /// <summary>No answer: the connection failed or the request timed out (after the retries).</summary>
    Unreachable,

    /// <summary>A 5xx (after the retries), or a redirect the client does not follow.</summary>
    ServerError,

    /// <summary>Another 4xx: the server refused the request itself (a bad document, a bad query).</summary>
    Rejected,

    /// <summary>An answer that is not the JSON CouchDB gives.</summary>
    InvalidResponse,
}

/// <summary>
/// What a request to the pool gave: the value when <see cref="Outcome"/> is <see cref="CouchOutcome.Ok"/>, else a
/// typed failure and a short reason for the log (a status and CouchDB's own error text; never a credential).
/// </summary>
public readonly record struct CouchResult<T>(CouchOutcome Outcome, T? Value, string? Reason)
{
    public bool IsOk => Outcome == CouchOutcome.Ok;

    public static CouchResult<T> Ok(T value) => new(CouchOutcome.Ok, value, null);

    public static CouchResult<T> Failed(CouchOutcome outcome, string reason) => new(outcome, default, reason);

    /// <summary>The same failure for another type of value.</summary>
    public CouchResult<TOther> As<TOther>() => new(Outcome, default, Reason);

    public override string ToString() => IsOk ? "ok" : $"{Outcome}: {Reason}";
}
