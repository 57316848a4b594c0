using Microsoft.Extensions.Options;

namespace Ipp.Graph.Authorization;

/// <summary>Registers the <see cref="AccessPolicy"/> with the table the <c>Permissions</c> settings make.</summary>
public static class AccessPolicyServiceCollectionExtensions
{
    public static IServiceCollection AddAccessPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<PermissionSettings>(configuration.GetSection(PermissionSettings.Section), settings => settings.ToTable());
        services.AddSingleton(provider => new AccessPolicy(provider.GetRequiredService<IOptions<PermissionSettings>>().Value.ToTable()));
        return services;
    }
}
