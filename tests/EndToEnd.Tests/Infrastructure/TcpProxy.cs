using System.Net;
using System.Net.Sockets;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder between a service and the real broker, used to cut the network: while cut it
/// drops every open connection and refuses new ones; restored, it forwards again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private volatile bool _cut;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        lock (_gate)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            if (_cut) { client.Dispose(); continue; }
            _ = Forward(client);
        }
    }

    private async Task Forward(TcpClient client)
    {
        // Without NoDelay, Nagle's algorithm and delayed ACKs hold every small AMQP frame (a publish awaiting
        // its confirm) for up to 40 ms: the proxy itself would throttle the service behind it.
        client.NoDelay = true;
        var upstream = new TcpClient { NoDelay = true };
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            lock (_gate) { _open.Add(client); _open.Add(upstream); }
            await Task.WhenAny(
                client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token),
                upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
        }
        catch (Exception)
        {
            // A cut or a closed side ends the pair.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        return ValueTask.CompletedTask;
    }
}
