using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Experiments.Bulk;

/// <summary><c>Experiments:MaxBulkItems</c> is checked at start: a bad value stops the server, naming it.</summary>
public sealed class BulkSettingsTests
{
    [Theory]
    [InlineData("--Experiments:MaxBulkItems=0", "Experiments:MaxBulkItems must be between 1 and 10000; it is 0.")]
    [InlineData("--Experiments:MaxBulkItems=10001", "Experiments:MaxBulkItems must be between 1 and 10000; it is 10001.")]
    public async Task A_bad_limit_stops_the_server_saying_which(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
