using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.Passwords;

/// <summary>
/// Hashes and verifies passwords with bcrypt (libxcrypt) on the hashing workers. New hashes are <c>$2b$</c> at the
/// configured cost; <c>$2a$</c> and <c>$2y$</c> hashes made by other libraries (the original IPP database's) verify.
/// Hashes are compared in constant time.
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    private readonly HashingWorkers _workers;
    private readonly int _cost;
    private readonly Task<string> _dummyHash;
    private long _verifications;

    public PasswordHasher(IOptions<AccountsOptions> options)
    {
        _cost = options.Value.BcryptCost;
        _workers = new HashingWorkers(options.Value.EffectiveHashingConcurrency);
        // Made now, on a worker, so that the first sign-in with an unknown email does not pay for it.
        _dummyHash = HashAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), CancellationToken.None);
    }

    /// <summary>How many passwords were checked against a hash (a real one or the dummy) since the start.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    /// <summary>The number of threads hashing runs on.</summary>
    public int Concurrency => _workers.ThreadCount;

    /// <summary>A new <c>$2b$</c> hash of the password with a fresh random salt.</summary>
    /// <remarks>The caller has checked the password with <see cref="PasswordRules"/>.</remarks>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        _workers.RunAsync(() =>
        {
            var setting = Libxcrypt.GenerateSetting(_cost, RandomNumberGenerator.GetBytes(16));
            var hash = Libxcrypt.Crypt(password, setting)
                ?? throw new InvalidOperationException("libxcrypt could not hash a password with a setting it made.");
            return Encoding.ASCII.GetString(hash);
        }, cancellationToken);

    /// <summary>True when the password matches the hash; false for any other hash, bcrypt or not.</summary>
    public Task<bool> VerifyAsync(string password, string hash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _verifications);
        if (!IsBcrypt(hash))
        {
            return Task.FromResult(false);
        }

        return _workers.RunAsync(() =>
        {
            var computed = Libxcrypt.Crypt(password, hash);
            var expected = Encoding.ASCII.GetBytes(hash);
            return computed is not null && CryptographicOperations.FixedTimeEquals(computed, expected);
        }, cancellationToken);
    }

    /// <summary>
    /// Spends the time of a verification against a hash of the configured cost and answers false: what signing in
    /// with an unknown email costs, so that the time taken does not tell which emails have accounts.
    /// </summary>
    public async Task<bool> VerifyDummyAsync(string password, CancellationToken cancellationToken)
    {
        var dummy = await _dummyHash.WaitAsync(cancellationToken).ConfigureAwait(false);
        await VerifyAsync(password, dummy, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>True when the hash should be replaced after a successful sign-in: another variant or cost than new hashes get.</summary>
    public bool NeedsRehash(string hash) =>
        !hash.StartsWith("$2b$", StringComparison.Ordinal)
        || hash.Length < 7
        || !int.TryParse(hash.AsSpan(4, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cost)
        || cost != _cost;

    public void Dispose() => _workers.Dispose();

    private static bool IsBcrypt(string hash) =>
        hash.Length == 60
        && (hash.StartsWith("$2a$", StringComparison.Ordinal)
            || hash.StartsWith("$2b$", StringComparison.Ordinal)
            || hash.StartsWith("$2y$", StringComparison.Ordinal));
}
