using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>
/// Using a password reset link: the token, found by its hash, unexpired, is deleted as the password is set and
/// every session of the user ends, in one of the user's transactions (<see cref="UserTransactions"/>), so of two uses
/// at once only one succeeds, on any instance.
/// </summary>
public sealed class PasswordResets(
    IDbContextFactory<IppDbContext> contexts,
    PasswordHasher hasher,
    UserCredentials credentials,
    TimeProvider clock,
    IOptions<AccountsOptions> accounts)
{
    /// <summary>Sets the password of the token's user and ends their sessions; the user's email.</summary>
    /// <exception cref="MutationException">
    /// <see cref="PasswordResetTokenInvalidError"/>, or <see cref="Errors.InvalidPasswordError"/> (the token then still works).
    /// </exception>
    public async Task<string> ResetAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        var tokenHash = SessionToken.TryHash(token) ?? throw Invalid();
        var userId = await FindUserAsync(tokenHash, cancellationToken) ?? throw Invalid();
        PasswordRules.CheckNew(newPassword, accounts.Value.MinPasswordLength);
        var hash = await hasher.HashAsync(newPassword, cancellationToken);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        EndedCredentials ended;
        await using (var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken))
        {
            // Checked again under the user's lock: used, replaced or expired meanwhile, it is gone.
            if (await FindUserAsync(db, tokenHash, cancellationToken) != userId)
            {
                throw Invalid();
            }

            await db.Users.Where(user => user.Id == userId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(user => user.PasswordHash, hash), cancellationToken);
            ended = await credentials.EndAsync(db, userId, keepSessionId: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await credentials.AnnounceAsync(ended, SessionEndReason.PasswordReset);
        return await db.Users.Where(user => user.Id == userId).Select(user => user.Email).SingleAsync(CancellationToken.None);
    }

    private async Task<long?> FindUserAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindUserAsync(db, tokenHash, cancellationToken);
    }

    private async Task<long?> FindUserAsync(IppDbContext db, byte[] tokenHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<PasswordResetToken>()
            .Where(row => row.TokenHash == tokenHash && row.ExpiresAt > now)
            .Select(row => (long?)row.UserId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static MutationException Invalid() => new(new PasswordResetTokenInvalidError());
}
