using System.Net;
using System.Net.Sockets;

namespace Ipp.Graph.Tests.Support;

/// <summary>Ports of 127.0.0.1 that nothing listens on, for servers a test starts outside its own process.</summary>
public static class FreePort
{
    /// <summary>A port the system just handed out and took back: free, unless another process takes it meanwhile.</summary>
    public static int Take()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
