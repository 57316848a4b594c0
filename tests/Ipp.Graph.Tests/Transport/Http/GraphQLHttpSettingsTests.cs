using System.Text;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>The "GraphQLHttp" settings change the limits they name.</summary>
public sealed class GraphQLHttpSettingsTests
{
    [Fact]
    public async Task The_request_size_limit_is_a_setting()
    {
        await using var server = await RunningServer.StartAsync("--GraphQLHttp:MaxRequestBytes=100");
        using var client = server.CreateClient();
        var fits = """{"query":"{ __typename }"}""".PadRight(100);

        var accepted = await client.PostAsync(fits);
        var refused = await client.PostAsync(fits + " ");

        Assert.Equal(200, accepted.Status);
        Assert.Equal(413, refused.Status);
        refused.AssertErrorBody(TransportErrorCodes.PayloadTooLarge);
        Assert.Equal("The request body is larger than the limit of 100 bytes.", refused.ErrorMessage);
        Assert.Equal(100, Encoding.UTF8.GetByteCount(fits));
    }

    [Fact]
    public async Task The_json_depth_limit_is_a_setting()
    {
        await using var server = await RunningServer.StartAsync("--GraphQLHttp:MaxJsonDepth=3");
        using var client = server.CreateClient();

        var accepted = await client.PostAsync("""{"query":"{ __typename }","extensions":{"a":{"b":1}}}""");
        var refused = await client.PostAsync("""{"query":"{ __typename }","extensions":{"a":{"b":[1]}}}""");

        Assert.Equal(200, accepted.Status);
        Assert.Equal(400, refused.Status);
        refused.AssertErrorBody(TransportErrorCodes.BadRequest);
        Assert.StartsWith("The request body is not valid JSON: The maximum configured depth of 3 has been exceeded.", refused.ErrorMessage);
    }

    [Theory]
    [InlineData("--GraphQLHttp:MaxRequestBytes=0", "GraphQLHttp:MaxRequestBytes must be a positive number of bytes, not 0.")]
    [InlineData("--GraphQLHttp:MaxJsonDepth=-1", "GraphQLHttp:MaxJsonDepth must be positive, not -1.")]
    public async Task A_setting_out_of_range_stops_the_server_from_starting_and_names_it(string setting, string message)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(setting));

        Assert.Equal(message, exception.Message);
    }
}
