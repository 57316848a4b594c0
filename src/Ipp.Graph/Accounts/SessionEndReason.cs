namespace Ipp.Graph.Accounts;

/// <summary>Why a session ended (the <c>SessionEndReason</c> enum of the schema).</summary>
public enum SessionEndReason
{
    /// <summary>The user signed in again: only one session per user exists.</summary>
    Replaced,

    /// <summary>The user signed out.</summary>
    LoggedOut,

    /// <summary>The session reached the end of its lifetime.</summary>
    Expired,

    /// <summary>The caller's personal access token was revoked (<see cref="AccessTokens.AccessTokenService"/>).</summary>
    Revoked,

    /// <summary>The user changed their password in another session.</summary>
    PasswordChanged,

    /// <summary>The user's password was reset by email.</summary>
    PasswordReset,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,

    /// <summary>An administrator denied the account.</summary>
    Denied,

    /// <summary>An administrator ended the session (<c>endUserSession</c>).</summary>
    EndedByAdministrator,
}

/// <summary>The event <c>sessionEnded</c> delivers (the <c>SessionEndedEvent</c> type).</summary>
public sealed record SessionEndedEvent(SessionEndReason Reason, DateTimeOffset EndedAt);
