using Microsoft.Extensions.Options;

namespace Ipp.Graph.Mail;

/// <summary>Says once, at start, when mail is not configured, and what that costs.</summary>
internal sealed partial class MailStartupNotice(IOptions<MailOptions> options, ILogger<MailStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            NotConfigured(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is not configured (Mail:Host is empty): the server sends no mail, password reset by email answers MAIL_NOT_CONFIGURED, administrators are not mailed of pending accounts, and owners are not mailed when experiments end (none is queued).")]
    private static partial void NotConfigured(ILogger logger);
}
