using System.Globalization;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.RateLimiting;

/// <summary>
/// Limits attempts per key (a client address, a user id) to <see cref="RateLimitOptions.PermitLimit"/> in each fixed
/// window, counted by <see cref="IAttemptWindows"/> (for every instance on PostgreSQL). The attempt one too many is a
/// <see cref="RateLimitedError"/> whose <c>retryAfter</c> gives the seconds until the window ends, as does the HTTP
/// response's <c>Retry-After</c> header (plain HTTP only: a WebSocket or event stream has no headers to set); refused
/// attempts are not counted.
/// </summary>
/// <param name="windows">Where attempts are counted.</param>
/// <param name="settings">The limit and its window.</param>
/// <param name="scope">What is limited, apart from other limits' keys: "sign-in".</param>
/// <param name="refusal">What the error says before ": try again in N seconds.": "Too many attempts from this address".</param>
public sealed class KeyedRateLimiter<TKey>(IAttemptWindows windows, RateLimitOptions settings, string scope, string refusal)
    where TKey : notnull
{
    /// <summary>Counts an attempt for <paramref name="key"/>; throws a <see cref="RateLimitedError"/> (in a <see cref="MutationException"/>) when it is one too many.</summary>
    /// <param name="key">Whose attempt it is.</param>
    /// <param name="request">The request attempting, whose response gets Retry-After when refused.</param>
    public async ValueTask AcquireAsync(TKey key, ServerRequestContext request)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{scope}:{key}");
        if (await windows.TryCountAsync(text, settings, request.CancellationToken) is not { } retryAfter)
        {
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.ResponseHeaders?.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        throw new MutationException(new RateLimitedError($"{refusal}: try again in {seconds} seconds.", seconds));
    }
}
