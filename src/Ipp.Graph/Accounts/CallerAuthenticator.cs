using System.Security.Claims;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Turns a session token into its caller for transports that authenticate outside HTTP's headers (the
/// WebSocket <c>connection_init</c> payload). Accepts the token alone or as <c>Bearer &lt;token&gt;</c>.
/// </summary>
internal sealed class CallerAuthenticator : ICallerAuthenticator
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly AccountService _accounts;

    public CallerAuthenticator(AccountService accounts) => _accounts = accounts;

    public async ValueTask<ClaimsPrincipal> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        var caller = await _accounts.FindCallerAsync(BearerToken.Strip(token), cancellationToken);
        return caller?.ToPrincipal() ?? Anonymous;
    }
}

/// <summary>Reads the token of an <c>Authorization: Bearer &lt;token&gt;</c> value.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token of a Bearer value, or the text itself when it names no scheme.</summary>
    public static string? Strip(string? value) =>
        value is not null && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? value[Scheme.Length..].Trim() : value?.Trim();

    /// <summary>The token of an Authorization header; null when it is not a Bearer one.</summary>
    public static string? FromHeader(string? header) =>
        header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
}
