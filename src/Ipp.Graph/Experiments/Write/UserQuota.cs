using System.Security.Claims;
using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The per-user quota: the input bytes of all a user's experiments (those being created included) may not exceed
/// <see cref="ExperimentQuotaOptions.MaxUserBytes"/>. The multipart transport asks it before storing files; the
/// experiment's insert checks it again in the same write transaction, so parallel requests cannot both pass.
/// </summary>
public sealed class UserQuota : IUploadAllowance
{
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly AccountService _accounts;

    public UserQuota(IDbContextFactory<IppDbContext> databases, AccountService accounts, IOptions<ExperimentQuotaOptions> options)
    {
        _databases = databases;
        _accounts = accounts;
        MaxUserBytes = options.Value.MaxUserBytes;
    }

    /// <summary>The bytes a user's experiments may hold together.</summary>
    public long MaxUserBytes { get; }

    public async ValueTask<UploadAllowance> GetAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (!SignedInCaller.TryRead(caller, out var signedIn) || !_accounts.IsLive(signedIn))
        {
            return new UploadAllowance(0, Callers.NotAuthenticated());
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var used = await UsedBytesAsync(db, signedIn.UserId, cancellationToken);
        return new UploadAllowance(Math.Max(0, MaxUserBytes - used));
    }

    /// <summary>The input bytes the user's experiments hold, those being created included.</summary>
    public static Task<long> UsedBytesAsync(IppDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Experiments.Where(e => e.UserId == userId).SumAsync(e => e.InputBytes, cancellationToken);
}
