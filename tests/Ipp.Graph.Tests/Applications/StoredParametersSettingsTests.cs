using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Applications;

/// <summary>The page sizes of <c>storedParameters</c> are checked at start: a bad one stops the server, naming it.</summary>
public sealed class StoredParametersSettingsTests
{
    [Theory]
    [InlineData("--Applications:StoredParameters:MaxPageSize=0", "Applications:StoredParameters:MaxPageSize must be 1 or more; it is 0.")]
    [InlineData("--Applications:StoredParameters:DefaultPageSize=0", "Applications:StoredParameters:DefaultPageSize must be from 1 to Applications:StoredParameters:MaxPageSize (100); it is 0.")]
    [InlineData("--Applications:StoredParameters:DefaultPageSize=101", "Applications:StoredParameters:DefaultPageSize must be from 1 to Applications:StoredParameters:MaxPageSize (100); it is 101.")]
    public async Task A_bad_setting_stops_the_server_saying_which(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
