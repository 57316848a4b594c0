namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>Registers personal access tokens (settings section <c>AccessTokens</c>).</summary>
public static class AccessTokensServiceCollectionExtensions
{
    public static IServiceCollection AddAccessTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AccessTokensOptions>(configuration.GetSection(AccessTokensOptions.Section), options => options.Validate());
        services.AddSingleton<AccessTokenUses>();
        services.AddSingleton<AccessTokenService>();
        return services;
    }
}
