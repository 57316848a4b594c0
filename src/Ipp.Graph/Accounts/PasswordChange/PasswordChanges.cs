using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.PasswordChange;

/// <summary>
/// A signed-in user changing their password: the current one must match; the new one follows
/// <see cref="PasswordRules"/>; every other credential of the user ends (<see cref="UserCredentials"/>), the session
/// asking is kept.
/// </summary>
public sealed class PasswordChanges(
    IDbContextFactory<IppDbContext> contexts,
    PasswordHasher hasher,
    UserCredentials credentials,
    IOptions<AccountsOptions> accounts)
{
    /// <exception cref="MutationException"><see cref="Errors.InvalidPasswordError"/> or <see cref="CurrentPasswordIncorrectError"/>.</exception>
    public async Task ChangeAsync(SignedInCaller caller, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        PasswordRules.CheckNew(newPassword, accounts.Value.MinPasswordLength);
        string verifiedHash;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            verifiedHash = await db.Users.Where(user => user.Id == caller.UserId).Select(user => user.PasswordHash).SingleAsync(cancellationToken);
        }

        if (!PasswordRules.CanMatch(currentPassword) || !await hasher.VerifyAsync(currentPassword, verifiedHash, cancellationToken))
        {
            throw new MutationException(new CurrentPasswordIncorrectError());
        }

        var hash = await hasher.HashAsync(newPassword, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            EndedCredentials ended;
            await using (var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken))
            {
                // Changed meanwhile (a reset, another change): the password verified is no longer the account's.
                var changed = await db.Users.Where(user => user.Id == caller.UserId && user.PasswordHash == verifiedHash)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(user => user.PasswordHash, hash), cancellationToken);
                if (changed == 0)
                {
                    throw new MutationException(new CurrentPasswordIncorrectError());
                }

                ended = await credentials.EndAsync(db, caller.UserId, caller.SessionId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await credentials.AnnounceAsync(ended, SessionEndReason.PasswordChanged);
        }
    }
}
