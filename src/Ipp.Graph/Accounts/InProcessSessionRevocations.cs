namespace Ipp.Graph.Accounts;

/// <summary>The revocations of a server alone on its database (SQLite): this process's <see cref="SessionEndings"/>.</summary>
public sealed class InProcessSessionRevocations(SessionEndings endings) : ISessionRevocations
{
    public Task RevokeAsync(long sessionId, DateTimeOffset expiresAt, SessionEndReason reason, CancellationToken cancellationToken)
    {
        endings.End(sessionId, expiresAt, reason);
        return Task.CompletedTask;
    }
}
