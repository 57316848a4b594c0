namespace Ipp.Graph.Mail;

/// <summary>Registers mail (settings section <c>Mail</c>): the <see cref="IMailSender"/> the other features send through, and the <see cref="MailOutbox"/> they queue their mail to.</summary>
public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<MailOptions>(configuration.GetSection(MailOptions.Section), options => options.Validate());
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddHostedService<MailStartupNotice>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<MailOutbox>());
        return services;
    }
}
