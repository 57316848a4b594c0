namespace Ipp.Graph.Applications;

/// <summary>
/// Says once at start which applications the categories name that the catalogue lacks (a warning, not a reason to
/// stop: the IPP portal's own files disagree so, and those keys would show nothing anyway).
/// </summary>
internal sealed class UnknownCategoryApplications(ApplicationCategories categories, ILogger<UnknownCategoryApplications> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (categories.UnknownApplications.Count > 0)
        {
            logger.LogWarning(
                "The application categories name {Count} applications the catalogue does not have, left out: {Applications}",
                categories.UnknownApplications.Count,
                string.Join(", ", categories.UnknownApplications));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
