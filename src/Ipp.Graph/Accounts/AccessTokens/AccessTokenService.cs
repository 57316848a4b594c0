using System.Globalization;
using Ipp.Graph.Accounts.AccessTokens.Errors;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// Personal access tokens: making them (shown once, stored as a hash), listing and revoking a user's own, ending all
/// of a user's at once, and finding the caller a presented token belongs to. A token's end goes through
/// <see cref="ISessionRevocations"/> under its <see cref="AccessTokenGrant.CredentialId"/>, as a session's does, so it
/// holds on every instance at once: their <see cref="RememberedCallers"/> stop trusting it and what it opened ends.
/// Tokens are apart from the interactive session: signing in again or out ends none of them.
/// </summary>
public sealed class AccessTokenService
{
    private static readonly Func<IppDbContext, byte[], CancellationToken, Task<TokenRow?>> FindTokenByHash =
        EF.CompileAsyncQuery((IppDbContext db, byte[] tokenHash, CancellationToken cancellationToken) =>
            db.AccessTokens
                .Where(token => token.TokenHash == tokenHash)
                .Join(db.Users, token => token.UserId, user => user.Id, (token, user) => new { token, user })
                // Denying or disabling an account ends its tokens; this keeps a token that outlived it out all the same.
                .Where(row => !row.user.Disabled && row.user.Approval != ApprovalState.Denied)
                .Select(row => new TokenRow(
                    row.token.Id,
                    row.token.ReadOnly,
                    row.token.ExpiresAt,
                    row.user.Id,
                    row.user.Email,
                    row.user.CreatedAt,
                    row.user.Roles.Select(role => role.Role).ToList(),
                    row.user.Approval,
                    row.user.GrantsVersion))
                .FirstOrDefault());

    private readonly IDbContextFactory<IppDbContext> _contexts;
    private readonly SessionEndings _endings;
    private readonly ISessionRevocations _revocations;
    private readonly RememberedCallers _callers;
    private readonly AccessTokenUses _uses;
    private readonly TimeProvider _clock;
    private readonly AccessTokensOptions _options;

    public AccessTokenService(
        IDbContextFactory<IppDbContext> contexts,
        SessionEndings endings,
        ISessionRevocations revocations,
        RememberedCallers callers,
        AccessTokenUses uses,
        TimeProvider clock,
        IOptions<AccessTokensOptions> options)
    {
        _contexts = contexts;
        _endings = endings;
        _revocations = revocations;
        _callers = callers;
        _uses = uses;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>
    /// Makes a token for the user, as one of the user's writers (<see cref="UserTransactions"/>), so the limit and the
    /// name's uniqueness hold under concurrent requests. The user's expired tokens are deleted first.
    /// </summary>
    /// <exception cref="MutationException">
    /// <see cref="InvalidAccessTokenNameError"/>, <see cref="InvalidAccessTokenExpiryError"/>,
    /// <see cref="AccessTokenNameTakenError"/> or <see cref="AccessTokenLimitReachedError"/>.
    /// </exception>
    public async Task<NewAccessToken> CreateAsync(long userId, string name, DateTimeOffset expiresAt, bool readOnly, CancellationToken cancellationToken)
    {
        name = AccessTokenNames.Check(name);
        var now = _clock.UtcNowToMillisecond();
        var latest = new DateTimeOffset(now + _options.MaxLifetime);
        if (expiresAt <= new DateTimeOffset(now))
        {
            throw new MutationException(new InvalidAccessTokenExpiryError("A token's expiry must be in the future.", latest));
        }

        if (expiresAt > latest)
        {
            throw new MutationException(new InvalidAccessTokenExpiryError(
                $"A token may work for at most {_options.MaxLifetime} (days.hours:minutes:seconds) from now: its expiry must be {latest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} or earlier.",
                latest));
        }

        var (text, hash) = AccessTokenText.Create();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = hash,
            ReadOnly = readOnly,
            CreatedAt = now,
            ExpiresAt = expiresAt.UtcDateTime.AddTicks(-(expiresAt.UtcTicks % TimeSpan.TicksPerMillisecond)),
        };

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        await db.AccessTokens.Where(t => t.UserId == userId && t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var names = await db.AccessTokens.Where(t => t.UserId == userId).Select(t => t.Name).ToListAsync(cancellationToken);
        if (names.Contains(name, StringComparer.Ordinal))
        {
            throw new MutationException(new AccessTokenNameTakenError(name));
        }

        if (names.Count >= _options.MaxPerUser)
        {
            throw new MutationException(new AccessTokenLimitReachedError(_options.MaxPerUser));
        }

        db.AccessTokens.Add(token);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
        {
            // Only a collision of names can be left here (the user's writers take turns; hashes are random).
            throw new MutationException(new AccessTokenNameTakenError(name));
        }

        await transaction.CommitAsync(cancellationToken);
        return new NewAccessToken(text, ViewOf(token));
    }

    /// <summary>The user's tokens that have not expired, oldest first.</summary>
    public async Task<AccessTokenView[]> ListAsync(long userId, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNowToMillisecond();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.AccessTokens.AsNoTracking()
            .Where(token => token.UserId == userId && token.ExpiresAt > now)
            .OrderBy(token => token.CreatedAt).ThenBy(token => token.Id)
            .ToListAsync(cancellationToken);
        return [.. tokens.Select(ViewOf)];
    }

    /// <summary>Revokes one of the user's tokens by its global id: it stops working on every instance at once.</summary>
    /// <returns>The global id of the revoked token.</returns>
    /// <exception cref="MutationException">
    /// <see cref="AccessTokenNotFoundError"/> when no token of the user has the id (another user's looks the same).
    /// </exception>
    public async Task<string> RevokeAsync(long userId, string id, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(id, AccessTokenView.TypeName, out var key)
            || await EndAsync(userId, db => db.AccessTokens.Where(token => token.Id == key && token.UserId == userId), cancellationToken) == 0)
        {
            throw new MutationException(new AccessTokenNotFoundError(id));
        }

        return id;
    }

    /// <summary>
    /// The caller a personal access token belongs to; null when the text is no token, or the token is unknown,
    /// revoked or expired. Each use is noted for <c>lastUsedAt</c> (<see cref="AccessTokenUses"/>).
    /// </summary>
    public async ValueTask<SignedInCaller?> FindCallerAsync(string token, CancellationToken cancellationToken)
    {
        if (AccessTokenText.TryHash(token) is not { } tokenHash)
        {
            return null;
        }

        var key = Convert.ToBase64String(tokenHash);
        if (_callers.TryGet(key, out var remembered) && remembered is not null)
        {
            if (_endings.IsLive(remembered))
            {
                await _uses.RecordAsync(remembered.AccessToken!.TokenId, cancellationToken);
                return remembered;
            }

            _callers.Forget(key);
        }

        TokenRow? row;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            row = await FindTokenByHash(db, tokenHash, cancellationToken);
        }

        var expiresAt = row is null ? default : new DateTimeOffset(row.ExpiresAt);
        if (row is null || _clock.GetUtcNow() >= expiresAt)
        {
            return null;
        }

        var grant = new AccessTokenGrant(row.TokenId, row.ReadOnly);
        var caller = new SignedInCaller(
            row.UserId, row.Email, RoleNames.ParseAll(row.Roles), new DateTimeOffset(row.CreatedAt), grant.CredentialId, expiresAt, row.Approval, row.GrantsVersion)
        {
            AccessToken = grant,
        };
        _callers.Remember(key, caller);
        await _uses.RecordAsync(row.TokenId, cancellationToken);
        return caller;
    }

    /// <summary>
    /// Deletes the tokens of the user that <paramref name="select"/> picks, as one of the user's writers (a token being
    /// made at once is either picked or made after), then announces each end; how many there were.
    /// </summary>
    private async Task<int> EndAsync(long userId, Func<IppDbContext, IQueryable<PersonalAccessToken>> select, CancellationToken cancellationToken)
    {
        List<(long Id, DateTime ExpiresAt)> ended = [];
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
            var rows = await select(db).Select(token => new { token.Id, token.ExpiresAt }).ToListAsync(cancellationToken);
            var ids = rows.Select(row => row.Id).ToList();
            await db.AccessTokens.Where(token => ids.Contains(token.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ended.AddRange(rows.Select(row => (row.Id, row.ExpiresAt)));
        }

        foreach (var (id, expiresAt) in ended)
        {
            _uses.Forget(id);
            await _revocations.RevokeAsync(AccessTokenGrant.CredentialIdOf(id), new DateTimeOffset(expiresAt), SessionEndReason.Revoked, CancellationToken.None);
        }

        return ended.Count;
    }

    private static AccessTokenView ViewOf(PersonalAccessToken token) => new(
        token.Id,
        token.Name,
        new DateTimeOffset(token.CreatedAt),
        new DateTimeOffset(token.ExpiresAt),
        token.LastUsedAt is { } lastUsedAt ? new DateTimeOffset(lastUsedAt) : null,
        token.ReadOnly);

    private sealed record TokenRow(
        long TokenId, bool ReadOnly, DateTime ExpiresAt, long UserId, string Email, DateTime CreatedAt, List<string> Roles, ApprovalState Approval, long GrantsVersion);
}
