using Ipp.Graph.Accounts.PasswordChange;
using Ipp.Graph.Accounts.PasswordReset;
using Ipp.Graph.Accounts.Profile;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Registers what a user does with their own account: the profile, changing the password, and password reset by
/// email (settings section <c>Accounts:PasswordReset</c>), with <see cref="UserCredentials"/>, which both password
/// changes end the other credentials through.
/// </summary>
public static class OwnAccountServiceCollectionExtensions
{
    public static IServiceCollection AddOwnAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<PasswordResetOptions>(configuration.GetSection(PasswordResetOptions.Section), options => options.Validate());
        services.AddSingleton<UserCredentials>();
        services.AddSingleton<Profiles>();
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<PasswordResetRateLimiter>();
        services.AddSingleton<PasswordResets>();
        services.AddSingleton<PasswordResetMails>();
        return services;
    }
}
