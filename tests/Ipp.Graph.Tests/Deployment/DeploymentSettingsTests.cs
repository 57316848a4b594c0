using Ipp.Graph.Deployment;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>The deployment settings: appsettings.json documents the defaults the code has, and bad values stop the start.</summary>
public sealed class DeploymentSettingsTests
{
    [Fact]
    public void Appsettings_json_holds_the_defaults_of_the_code()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.Combine("src", "Ipp.Graph", "appsettings.json")).Build();

        Assert.Equal(new CorsSettings().AllowedOrigins, settings.GetSection(CorsSettings.Section).Get<CorsSettings>()!.AllowedOrigins);
        var forwarded = settings.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>()!;
        Assert.Equal(new ForwardedHeadersSettings().KnownProxies, forwarded.KnownProxies);
        Assert.Equal(new ForwardedHeadersSettings().KnownNetworks, forwarded.KnownNetworks);
        Assert.Equal(new ServerSettings().PublicBaseUrl, settings.GetSection(ServerSettings.Section).Get<ServerSettings>()!.PublicBaseUrl);
        Assert.Equal(new ServerSettings().InstanceId, settings.GetSection(ServerSettings.Section).Get<ServerSettings>()!.InstanceId);
        // The setting Cors:AllowedOrigins replaced WebSockets:AllowedOrigins.
        Assert.False(settings.GetSection("WebSockets:AllowedOrigins").Exists());
    }

    [Theory]
    [InlineData("--Cors:AllowedOrigins:0=https://portal.example.org/app", "The setting Cors:AllowedOrigins must list origins, scheme://host[:port] only (https://portal.example.org); \"https://portal.example.org/app\" is not one.")]
    [InlineData("--Cors:AllowedOrigins:0=portal.example.org", "The setting Cors:AllowedOrigins must list origins, scheme://host[:port] only (https://portal.example.org); \"portal.example.org\" is not one.")]
    [InlineData("--Cors:AllowedOrigins:0=*", "The setting Cors:AllowedOrigins must list origins, scheme://host[:port] only (https://portal.example.org); \"*\" is not one.")]
    [InlineData("--ForwardedHeaders:KnownProxies:0=proxy.internal", "The setting ForwardedHeaders:KnownProxies must list IP addresses (10.0.0.5, ::1); \"proxy.internal\" is not one.")]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=10.0.0.1/8", "The setting ForwardedHeaders:KnownNetworks must list networks in CIDR notation, the address's bits past the prefix zero (10.0.0.0/8, fd00::/8); \"10.0.0.1/8\" is not one.")]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=10.0.0.0", "The setting ForwardedHeaders:KnownNetworks must list networks in CIDR notation, the address's bits past the prefix zero (10.0.0.0/8, fd00::/8); \"10.0.0.0\" is not one.")]
    [InlineData("--Server:PublicBaseUrl=portal.example.org", "The setting Server:PublicBaseUrl must be an absolute http or https URL without user, query or fragment (https://portal.example.org/api); \"portal.example.org\" is not one.")]
    [InlineData("--Server:PublicBaseUrl=ftp://portal.example.org", "The setting Server:PublicBaseUrl must be an absolute http or https URL without user, query or fragment (https://portal.example.org/api); \"ftp://portal.example.org\" is not one.")]
    [InlineData("--Server:PublicBaseUrl=https://portal.example.org/api?x=1", "The setting Server:PublicBaseUrl must be an absolute http or https URL without user, query or fragment (https://portal.example.org/api); \"https://portal.example.org/api?x=1\" is not one.")]
    [InlineData("--Server:InstanceId=../web-1", "The setting Server:InstanceId (empty: the host name) must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; \"../web-1\" is not.")]
    [InlineData("--Server:InstanceId=.hidden", "The setting Server:InstanceId (empty: the host name) must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; \".hidden\" is not.")]
    public async Task A_bad_value_stops_the_server_from_starting_and_names_it(string setting, string message)
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(setting));

        Assert.Equal(message, refusal.Message);
    }
}
