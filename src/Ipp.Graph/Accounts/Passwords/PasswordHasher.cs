using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.Passwords;

/// <summary>
/// Hashes and verifies passwords with bcrypt (BCrypt.Net-Next, managed code: no native library) on the hashing
/// workers. New hashes are <c>$2b$</c> at the configured cost; <c>$2a$</c> and <c>$2y$</c> hashes made by other
/// libraries (the original IPP database's) verify. A password is verified by hashing it with the stored hash as the
/// salt and comparing the two hashes in constant time.
/// </summary>
/// <remarks>
/// BCrypt.Net-Next reads at most 72 bytes of a password's UTF-8 form and throws on a lone surrogate: callers check
/// passwords with <see cref="PasswordRules"/> first (new ones with CheckNew, sign-ins with CanMatch).
/// </remarks>
public sealed class PasswordHasher : IDisposable
{
    /// <summary>The revision new hashes get: <c>$2b$</c>, where BCrypt.Net-Next's default would be <c>$2a$</c>.</summary>
    private const char Revision = 'b';

    /// <summary>A dummy verification's password: any will do, bcrypt's time does not depend on it.</summary>
    private const string DummyPassword = "not a password";

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
    /// <remarks>The caller has checked the password with <see cref="PasswordRules.CheckNew"/>.</remarks>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        _workers.RunAsync(() => BCrypt.Net.BCrypt.HashPassword(password, BCrypt.Net.BCrypt.GenerateSalt(_cost, Revision)), cancellationToken);

    /// <summary>True when the password matches the hash; false for any other hash, bcrypt or not.</summary>
    /// <remarks>The caller has checked the password with <see cref="PasswordRules.CanMatch"/>.</remarks>
    public Task<bool> VerifyAsync(string password, string hash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _verifications);
        if (!IsBcrypt(hash))
        {
            return Task.FromResult(false);
        }

        return _workers.RunAsync(() =>
        {
            // The stored hash is the salt: its revision, cost and salt make the same hash again from the same password.
            var computed = Encoding.ASCII.GetBytes(BCrypt.Net.BCrypt.HashPassword(password, hash));
            return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(hash));
        }, cancellationToken);
    }

    /// <summary>
    /// Spends the time of a verification against a hash of the configured cost and answers false: what signing in
    /// with an unknown email, or with a password no account can have, costs, so that the time taken does not tell
    /// which emails have accounts.
    /// </summary>
    public async Task<bool> VerifyDummyAsync(CancellationToken cancellationToken)
    {
        var dummy = await _dummyHash.WaitAsync(cancellationToken).ConfigureAwait(false);
        await VerifyAsync(DummyPassword, dummy, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>True when the hash should be replaced after a successful sign-in: another variant or cost than new hashes get.</summary>
    public bool NeedsRehash(string hash) =>
        !hash.StartsWith("$2b$", StringComparison.Ordinal)
        || hash.Length < 7
        || !int.TryParse(hash.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost)
        || cost != _cost;

    public void Dispose() => _workers.Dispose();

    /// <summary>
    /// The shape of a bcrypt hash: <c>$2a$</c>, <c>$2b$</c> or <c>$2y$</c>, a two-digit cost of 4 to 31, <c>$</c>, and
    /// 60 characters in all. BCrypt.Net-Next throws on another cost or a missing <c>$</c>; a salt or checksum with
    /// characters outside bcrypt's base64 makes a hash that cannot equal the stored one, so those fail the comparison.
    /// </summary>
    private static bool IsBcrypt(string hash) =>
        hash.Length == 60
        && (hash.StartsWith("$2a$", StringComparison.Ordinal)
            || hash.StartsWith("$2b$", StringComparison.Ordinal)
            || hash.StartsWith("$2y$", StringComparison.Ordinal))
        && int.TryParse(hash.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost)
        && cost is >= 4 and <= 31
        && hash[6] == '$';
}
