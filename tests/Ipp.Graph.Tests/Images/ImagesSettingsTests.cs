using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Images;

/// <summary>The <c>Images</c> settings are checked at start: a bad one stops the server, naming it.</summary>
public sealed class ImagesSettingsTests
{
    [Theory]
    [InlineData("--Images:MaxNameLength=0", "Images:MaxNameLength must be between 1 and 200; it is 0.")]
    [InlineData("--Images:MaxNameLength=201", "Images:MaxNameLength must be between 1 and 200; it is 201.")]
    [InlineData("--Images:MaxPathLength=1001", "Images:MaxPathLength must be between 1 and 1000; it is 1001.")]
    [InlineData("--Images:MaxParameters=-1", "Images:MaxParameters must be 0 or more; it is -1.")]
    [InlineData("--Images:MaxParameterTextLength=0", "Images:MaxParameterTextLength must be 1 or more; it is 0.")]
    [InlineData("--Images:MaxPageSize=0", "Images:MaxPageSize must be 1 or more")]
    [InlineData("--Images:DefaultPageSize=101", "Images:DefaultPageSize must be from 1 to Images:MaxPageSize (100)")]
    public async Task A_bad_setting_stops_the_server_saying_which(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
