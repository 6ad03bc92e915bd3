using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>
/// Accepts a connection, reads the whole request, then closes the socket without answering: the request
/// certainly reached "TeleCMI", which may have acted on it. WireMock's faults cannot drop a connection like this.
/// With <paramref name="stallAfterHeaders"/> it sends a 200 status line and headers, then nothing more for a minute.
/// </summary>
public sealed class HangUpServer : IDisposable
{
    private readonly bool stallAfterHeaders;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public HangUpServer(bool stallAfterHeaders = false)
    {
        this.stallAfterHeaders = stallAfterHeaders;
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Requests read in full before hanging up.</summary>
    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await ReadRequestAsync(client.GetStream());
                Interlocked.Increment(ref requests);
                if (stallAfterHeaders)
                {
                    await client.GetStream().WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 80\r\n\r\n{"u8.ToArray(), stop.Token);
                    await Task.Delay(TimeSpan.FromMinutes(1), stop.Token);
                }
                client.Client.LingerState = new LingerOption(true, 0); // reset, not a polite close
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0) return;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var text = received.ToString();
            var headersEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headersEnd < 0) continue;
            var length = text.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
            if (text.Length >= headersEnd + 4 + length) return;
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
