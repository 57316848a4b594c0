using Ipp.Graph.Mail;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// The settings of the mail telling owners that an experiment completed or failed (section <c>Experiments:Mail</c>;
/// appsettings.json documents each with its default).
/// </summary>
public sealed class ExperimentMailOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments:Mail";

    /// <summary>
    /// How often the worker looks for mails to send besides when this instance recorded one: mails other instances
    /// recorded (each instance's worker sends what it claims).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most mails one worker claims at once (and sends before claiming more).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// The wait before a mail is tried again after a send that failed before the mail server was given anything (it
    /// could not be reached, or refused for now); it doubles with each further such failure, up to
    /// <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts to send one mail.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most attempts to send one mail (the first included); after the last fails, it is dropped with a warning.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// The frontend's page of one experiment, under <c>Mail:LinkBase</c>; the experiment's global id follows it as
    /// its last segment (<c>experiments/RXhwZXJpbWVudDo0Mg</c>).
    /// </summary>
    public string LinkPath { get; set; } = "experiments";

    /// <summary>The wait after the <paramref name="failures"/>th failed attempt (1 or more): doubling from <see cref="RetryDelay"/> up to <see cref="MaxRetryDelay"/>.</summary>
    internal TimeSpan RetryDelayAfter(int failures)
    {
        var delay = RetryDelay;
        for (var i = 1; i < failures && delay < MaxRetryDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Throws when the settings make no sense, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"{Section}:PollInterval must be from 00:00:00.1 to 01:00:00; it is {PollInterval}.");
        }

        if (BatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException($"{Section}:BatchSize must be from 1 to 1000; it is {BatchSize}.");
        }

        if (RetryDelay < TimeSpan.FromMilliseconds(100) || RetryDelay > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"{Section}:RetryDelay must be from 00:00:00.1 to 01:00:00; it is {RetryDelay}.");
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{Section}:MaxRetryDelay must be from {Section}:RetryDelay ({RetryDelay}) to 1.00:00:00; it is {MaxRetryDelay}.");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            throw new InvalidOperationException($"{Section}:MaxAttempts must be from 1 to 100; it is {MaxAttempts}.");
        }

        if (!MailLinks.IsPagePath(LinkPath))
        {
            throw new InvalidOperationException($"{Section}:LinkPath must be a relative path (experiments), without query or fragment.");
        }
    }
}
