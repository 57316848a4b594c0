using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Engine.Tests.Support;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// bcrypt through BCrypt.Net-Next: published vectors, hashes the previous libxcrypt-based version of the server made,
/// hashes of another implementation (bcryptjs) both ways, rehash rules.
/// </summary>
public sealed class PasswordHasherTests : IDisposable
{
    private readonly PasswordHasher _hasher = Create(cost: 4);

    /// <summary>
    /// $2a$ vectors of the OpenBSD-derived test suites (jBCrypt's, which py-bcrypt's hashes follow) and the $2y$
    /// example of PHP's manual (password_verify).
    /// </summary>
    public static TheoryData<string, string> PublishedVectors => new()
    {
        { "", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
        { "a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe" },
        { "abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" },
        { "abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC" },
        { "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO" },
        { "rasmuslerdorf", "$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq" },
    };

    /// <summary>
    /// Hashes made by libxcrypt 4.4 (glibc's crypt on Debian, which PHP and the previous version of this server
    /// used): the <c>$2b$</c> such a server stored, and a <c>$2y$</c>.
    /// </summary>
    public static TheoryData<string, string> LibxcryptHashes => new()
    {
        { "päss wörd ✓", "$2b$05$ITHX4gfg8nKngstLD3FGp.bWAB5KgR3zg2/Oae9yPX2EZaFpaP6zK" },
        { "päss wörd ✓", "$2y$05$CvKzP.YnEaqmgriPk3DsjeVv0.qK8e9wYO7NsbUYq5Y3Moei4IDG2" },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public async Task PublishedVectorsVerify(string password, string hash)
    {
        Assert.True(await _hasher.VerifyAsync(password, hash, CancellationToken.None));
        Assert.False(await _hasher.VerifyAsync(password + "!", hash, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(LibxcryptHashes))]
    public async Task HashesMadeByLibxcryptVerify(string password, string hash)
    {
        Assert.True(await _hasher.VerifyAsync(password, hash, CancellationToken.None));
        Assert.False(await _hasher.VerifyAsync("pass word ✓", hash, CancellationToken.None));
    }

    [Fact]
    public async Task HashesMadeByBcryptjsVerifyInEveryVariant()
    {
        string[] passwords = ["correct horse battery", "päss wörd ✓", "12345678"];
        var requests = passwords.SelectMany(password => new[] { "2a", "2b", "2y" }.Select(variant => new { password, variant, cost = 5 })).ToList();

        var hashes = NodeRunner.Run("accounts/bcrypt-hash.js", JsonSerializer.Serialize(requests)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(requests.Count, hashes.Length);
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.StartsWith($"${requests[i].variant}$05$", hashes[i]);
            Assert.True(await _hasher.VerifyAsync(requests[i].password, hashes[i], CancellationToken.None), hashes[i]);
            Assert.False(await _hasher.VerifyAsync(requests[i].password.ToUpperInvariant() + "x", hashes[i], CancellationToken.None));
        }
    }

    [Fact]
    public async Task NewHashesAre2bAtTheConfiguredCostAndBcryptjsVerifiesThem()
    {
        using var hasher = Create(cost: 6);
        const string password = "päss wörd ✓ 72";

        var first = await hasher.HashAsync(password, CancellationToken.None);
        var second = await hasher.HashAsync(password, CancellationToken.None);

        Assert.StartsWith("$2b$06$", first);
        Assert.Equal(60, first.Length);
        Assert.NotEqual(first, second);
        Assert.False(hasher.NeedsRehash(first));
        Assert.True(await hasher.VerifyAsync(password, first, CancellationToken.None));
        var verdicts = NodeRunner.Run(
            "accounts/bcrypt-hash.js",
            JsonSerializer.Serialize(new[] { new { password, hash = first }, new { password = "other", hash = first } }));
        Assert.Equal("true\nfalse\n", verdicts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/")]
    [InlineData("$2x$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s")]
    [InlineData("$2a$99$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$03$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$32$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$06_DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    public async Task AnythingButABcryptHashNeverVerifies(string hash)
    {
        Assert.False(await _hasher.VerifyAsync("", hash, CancellationToken.None));
    }

    [Fact]
    public async Task TheDummyVerificationCountsAsOneAndNeverSucceeds()
    {
        var before = _hasher.Verifications;

        Assert.False(await _hasher.VerifyDummyAsync(CancellationToken.None));

        Assert.Equal(before + 1, _hasher.Verifications);
    }

    [Theory]
    [InlineData("$2b$04$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", false)]
    [InlineData("$2b$12$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", true)]
    [InlineData("$2a$04$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", true)]
    [InlineData("$2y$04$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", true)]
    public void HashesOfAnotherVariantOrCostAreReplacedAtSignIn(string hash, bool needsRehash)
    {
        Assert.Equal(needsRehash, _hasher.NeedsRehash(hash));
    }

    [Fact]
    public void HashingRunsOnAsManyThreadsAsTheSettingSays()
    {
        using var two = new PasswordHasher(Options.Create(new AccountsOptions { HashingConcurrency = 2 }));
        using var perProcessor = new PasswordHasher(Options.Create(new AccountsOptions()));

        Assert.Equal(2, two.Concurrency);
        Assert.Equal(Environment.ProcessorCount, perProcessor.Concurrency);
    }

    [Fact]
    public async Task ManyHashesAtOnceAllComplete()
    {
        using var hasher = new PasswordHasher(Options.Create(new AccountsOptions { BcryptCost = 4, HashingConcurrency = 1 }));

        var hashes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => hasher.HashAsync("password " + i, CancellationToken.None)));

        for (var i = 0; i < hashes.Length; i++)
        {
            Assert.True(await hasher.VerifyAsync("password " + i, hashes[i], CancellationToken.None));
        }
    }

    public void Dispose() => _hasher.Dispose();

    private static PasswordHasher Create(int cost) => new(Options.Create(new AccountsOptions { BcryptCost = cost }));
}
