using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// HTTP authentication by session token: from <c>Authorization: Bearer &lt;token&gt;</c>, else from the session
/// cookie. A valid token makes HttpContext.User the caller (<see cref="SignedInCaller"/>'s claims); a missing,
/// unknown or expired one leaves the request anonymous, and the fields that need a caller say so themselves.
/// </summary>
internal sealed class SessionTokenAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "SessionToken";

    private readonly AccountService _accounts;

    public SessionTokenAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        AccountService accounts)
        : base(options, logger, encoder)
    {
        _accounts = accounts;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.FromHeader(Request.Headers.Authorization.ToString())
            ?? Request.Cookies[_accounts.Options.CookieName];
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await _accounts.FindCallerAsync(token, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(), SchemeName));
    }
}
