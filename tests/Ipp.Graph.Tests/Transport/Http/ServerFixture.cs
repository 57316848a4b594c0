using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>One real server (default settings) shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        Client = _server.CreateClient();
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
