using Ipp.Graph.Administration.Approval;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Users;
using Ipp.Graph.Data;

namespace Ipp.Graph.Administration;

/// <summary>
/// Registers the administration (settings section <c>Administration</c>): the audit log, the changes to users, and
/// the announcements of pending accounts to every instance, and the mails telling administrators of them.
/// </summary>
public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AdministrationOptions>(configuration.GetSection(AdministrationOptions.Section), options => options.Validate());
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PendingAccountHub>();
        services.AddSingleton<PendingAccountMails>();
        services.AddPerProvider<IAccountApprovalRequests, InProcessAccountApprovalRequests, PostgreSqlAccountApprovalRequests>(configuration);
        MailTheApprovalRequests(services);
        services.AddSingleton<UserAdministration>();
        return services;
    }

    /// <summary>Wraps the announcing <see cref="IAccountApprovalRequests"/> just registered in <see cref="MailingAccountApprovalRequests"/>.</summary>
    private static void MailTheApprovalRequests(IServiceCollection services)
    {
        var announcing = services.Last(service => service.ServiceType == typeof(IAccountApprovalRequests));
        services.Remove(announcing);
        services.AddSingleton<IAccountApprovalRequests>(provider => new MailingAccountApprovalRequests(
            (IAccountApprovalRequests)(announcing.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, announcing.ImplementationType!)),
            provider.GetRequiredService<PendingAccountMails>()));
    }
}
