using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ipp.Graph.Accounts;

/// <summary>Registers accounts (settings section <c>Accounts</c>) and the HTTP authentication by session token.</summary>
public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AccountsOptions>(configuration.GetSection(AccountsOptions.Section), options => options.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<SessionEndings>();
        services.AddSingleton<RememberedCallers>();
        services.AddPerProvider<ISessionRevocations, InProcessSessionRevocations, PostgreSqlSessionRevocations>(configuration);
        services.AddSingleton<CallerGrants>();
        services.AddPerProvider<IGrantAnnouncements, InProcessGrantAnnouncements, PostgreSqlGrantAnnouncements>(configuration);

        services.AddAccessTokens(configuration);
        services.AddSingleton<SignInRateLimiter>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SessionLifetimes>();
        services.AddSingleton<ISessionLifetimes>(provider => provider.GetRequiredService<SessionLifetimes>());
        services.AddSingleton<ICallerAuthenticator, CallerAuthenticator>();
        services.AddAuthentication(SessionTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionTokenAuthenticationHandler>(SessionTokenAuthenticationHandler.SchemeName, null);
        return services;
    }

    /// <summary>Authenticates every request (HttpContext.User is the caller or anonymous) before the endpoints run.</summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app) => app.UseAuthentication();
}
