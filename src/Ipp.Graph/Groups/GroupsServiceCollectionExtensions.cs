namespace Ipp.Graph.Groups;

/// <summary>Registers groups (settings section <c>Groups</c>).</summary>
public static class GroupsServiceCollectionExtensions
{
    public static IServiceCollection AddGroups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<GroupsOptions>(configuration.GetSection(GroupsOptions.Section), options => options.Validate());
        services.AddSingleton<GroupService>();
        return services;
    }
}
