using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Transport.Sse;
using Ipp.Graph.Transport.WebSockets;
using Microsoft.Extensions.Configuration;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>The streaming transports' settings: appsettings.json documents the defaults the code has, and bad values stop the start.</summary>
public sealed class StreamingSettingsTests
{
    [Fact]
    public void Appsettings_json_holds_the_defaults_of_the_code()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.Combine("src", "Ipp.Graph", "appsettings.json")).Build();

        var webSockets = settings.GetSection(WebSocketSettings.Section).Get<WebSocketSettings>()!;
        var defaults = new WebSocketSettings();
        Assert.Equal(
            (defaults.ConnectionInitTimeout, defaults.KeepAliveInterval, defaults.MaxMessageBytes, defaults.MaxOperations, defaults.SendTimeout),
            (webSockets.ConnectionInitTimeout, webSockets.KeepAliveInterval, webSockets.MaxMessageBytes, webSockets.MaxOperations, webSockets.SendTimeout));
        Assert.Equal(
            new ServerSentEventsSettings().KeepAliveInterval,
            settings.GetSection(ServerSentEventsSettings.Section).Get<ServerSentEventsSettings>()!.KeepAliveInterval);
    }

    [Theory]
    [InlineData("--WebSockets:MaxMessageBytes=0", "The setting WebSockets:MaxMessageBytes must be more than zero.")]
    [InlineData("--WebSockets:MaxOperations=-1", "The setting WebSockets:MaxOperations must be more than zero.")]
    [InlineData("--WebSockets:ConnectionInitTimeout=-00:00:01", "The setting WebSockets:ConnectionInitTimeout must be zero or more.")]
    [InlineData("--WebSockets:SendTimeout=00:00:00", "The setting WebSockets:SendTimeout must be more than zero.")]
    [InlineData("--ServerSentEvents:KeepAliveInterval=-00:00:01", "The setting ServerSentEvents:KeepAliveInterval must be zero or more.")]
    public async Task A_setting_out_of_range_stops_the_server_from_starting(string setting, string message)
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamingServer.StartAsync(setting));

        Assert.Equal(message, refusal.Message);
    }
}
