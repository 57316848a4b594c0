using Ipp.Graph.GraphQL;
using Ipp.Graph.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>
/// Limits <c>requestPasswordReset</c> per client address (as <see cref="SignInRateLimiter"/> limits sign-ins), so
/// nobody floods mailboxes or the SMTP server through it.
/// </summary>
public sealed class PasswordResetRateLimiter(IAttemptWindows windows, IOptions<PasswordResetOptions> options)
{
    private readonly KeyedRateLimiter<string> _limiter = new(windows, options.Value.RateLimit, "password-reset", "Too many password reset requests from this address");

    /// <summary>Counts a request from the request's client address; refuses it when it is one too many.</summary>
    public ValueTask AcquireAsync(ServerRequestContext request) => _limiter.AcquireAsync(SignInRateLimiter.PartitionOf(request.RemoteAddress), request);
}
