using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Library.Download;

/// <summary>
/// The <c>Library:Download</c> and <c>Library:Sharing</c> settings are checked at start, and every list's page sizes by
/// the one check they share (<c>IListPageSizeOptions.ValidatePageSizes</c>).
/// </summary>
public sealed class LibrarySettingsTests
{
    [Theory]
    [InlineData("--Library:Download:MaxPageSize=0", "Library:Download:MaxPageSize must be 1 or more")]
    [InlineData("--Library:Download:DefaultPageSize=1001", "Library:Download:DefaultPageSize must be from 1 to")]
    [InlineData("--Library:Download:ZipCompression=Tightest", "ZipCompression")]
    [InlineData("--Library:Sharing:MaxPageSize=0", "Library:Sharing:MaxPageSize must be 1 or more")]
    [InlineData("--Library:Sharing:DefaultPageSize=0", "Library:Sharing:DefaultPageSize must be from 1 to")]
    [InlineData("--Library:MaxPageSize=0", "Library:MaxPageSize must be 1 or more")]
    [InlineData("--Experiments:DefaultPageSize=51", "Experiments:DefaultPageSize must be from 1 to Experiments:MaxPageSize (50)")]
    [InlineData("--Administration:DefaultPageSize=0", "Administration:DefaultPageSize must be from 1 to")]
    public async Task A_bad_setting_stops_the_server_saying_which(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
