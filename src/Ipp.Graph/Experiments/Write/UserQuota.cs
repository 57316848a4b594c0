using System.Security.Claims;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Storage;
using Ipp.Graph.Transport.Multipart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The per-user quota: what a user stores (<see cref="UserStoredBytes"/>, those experiments being created included)
/// may not exceed <see cref="ExperimentQuotaOptions.MaxUserBytes"/>, nor their experiments number more than
/// <see cref="ExperimentQuotaOptions.MaxPerUser"/>. Both are checked in the write transaction that stores, so
/// parallel requests cannot together pass them. The multipart transport asks it before storing files: the files
/// may take what is left of the quota, which the experiment's own bytes, checked at the insert, then share.
/// </summary>
public sealed class UserQuota : IUploadAllowance
{
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly AccountService _accounts;
    private readonly AccessPolicy _policy;

    public UserQuota(IDbContextFactory<IppDbContext> databases, AccountService accounts, AccessPolicy policy, IOptions<ExperimentQuotaOptions> options)
    {
        _databases = databases;
        _accounts = accounts;
        _policy = policy;
        MaxUserBytes = options.Value.MaxUserBytes;
        MaxExperiments = options.Value.MaxPerUser;
    }

    /// <summary>The bytes a user may store.</summary>
    public long MaxUserBytes { get; }

    /// <summary>The experiments a user may keep.</summary>
    public int MaxExperiments { get; }

    /// <summary>
    /// Files are uploaded for experiments (experiments:write) or for the library (files:write): a caller holding
    /// neither may upload nothing. Which of the two the request's field needs, its own rule checks.
    /// </summary>
    public async ValueTask<UploadAllowance> GetAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var live = SignedInCaller.TryRead(caller, out var signedIn) && _accounts.IsLive(signedIn) ? signedIn : null;
        if (_policy.Refusal(live, PermissionSet.Of(Permission.ExperimentsWrite, Permission.FilesWrite), anyOne: true) is { } refusal)
        {
            return new UploadAllowance(0, refusal);
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var used = await UserStoredBytes.SumAsync(db, signedIn.UserId, cancellationToken);
        return new UploadAllowance(Math.Max(0, MaxUserBytes - used));
    }

    /// <summary>Throws EXPERIMENT_LIMIT_REACHED unless the user may have one experiment more; in the transaction that inserts it.</summary>
    public async Task EnsureRoomForExperimentAsync(IppDbContext db, long userId, CancellationToken cancellationToken)
    {
        if (await db.Experiments.CountAsync(e => e.UserId == userId, cancellationToken) >= MaxExperiments)
        {
            throw new MutationException(new ExperimentLimitReachedError(MaxExperiments));
        }
    }

    /// <summary>
    /// Throws QUOTA_EXCEEDED when the user's total, <paramref name="addedBytes"/> just written included, is over the
    /// quota; called in the write transaction that wrote them, which the refusal then rolls back.
    /// <paramref name="what"/> names what was written, for the message.
    /// </summary>
    public async Task EnsureWithinQuotaAsync(IppDbContext db, long userId, long addedBytes, string what, CancellationToken cancellationToken)
    {
        var total = await UserStoredBytes.SumAsync(db, userId, cancellationToken);
        if (total > MaxUserBytes)
        {
            throw new MutationException(new QuotaExceededError(what, MaxUserBytes, total - addedBytes, addedBytes));
        }
    }
}
