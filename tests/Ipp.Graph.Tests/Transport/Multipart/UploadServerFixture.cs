using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>A real server with default upload limits, shared by a test class, and a signed-in user's token.</summary>
public sealed class UploadServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A signed-in user's token: features may refuse anonymous uploads.</summary>
    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync("--Accounts:BcryptCost=4");
        Client = _server.CreateClient();
        using var accounts = new GraphQLHttp(_server);
        Token = await accounts.CreateUserAsync("uploader@example.org");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
