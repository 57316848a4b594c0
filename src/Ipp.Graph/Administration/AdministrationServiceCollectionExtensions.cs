using Ipp.Graph.Administration.Approval;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Users;
using Ipp.Graph.Data;

namespace Ipp.Graph.Administration;

/// <summary>
/// Registers the administration (settings section <c>Administration</c>): the audit log, the changes to users, and
/// the announcements of pending accounts to every instance.
/// </summary>
public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AdministrationOptions>(configuration.GetSection(AdministrationOptions.Section), options => options.Validate());
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PendingAccountHub>();
        services.AddPerProvider<IAccountApprovalRequests, InProcessAccountApprovalRequests, PostgreSqlAccountApprovalRequests>(configuration);
        services.AddSingleton<UserAdministration>();
        return services;
    }
}
