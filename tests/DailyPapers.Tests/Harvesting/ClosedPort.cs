using System.Net;
using System.Net.Sockets;

namespace DailyPapers.Tests.Harvesting;

/// <summary>A loopback address nothing listens on: connections are refused at once, like arXiv with no network.</summary>
public static class ClosedPort
{
    public static Uri Uri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
