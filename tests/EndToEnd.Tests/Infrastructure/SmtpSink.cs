using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A message the sink accepted: its recipients and its raw text (headers and body).</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, string Data)
{
    /// <summary>A header's value, or null when the message has none.</summary>
    public string? Header(string name)
    {
        var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (split < 0 ? Data : Data[..split]).Split("\r\n")
            .FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
    }

    /// <summary>The body, decoded from base64 or quoted-printable as the headers say.</summary>
    public string Body
    {
        get
        {
            var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = split < 0 ? Data : Data[..split];
            var body = split < 0 ? "" : Data[(split + 4)..];
            if (headers.Contains("base64", StringComparison.OrdinalIgnoreCase))
                return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))));
            if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            {
                var joined = body.Replace("=\r\n", "");
                var bytes = new List<byte>();
                for (var i = 0; i < joined.Length; i++)
                {
                    if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
                    {
                        bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
                return Encoding.UTF8.GetString([.. bytes]);
            }
            return body;
        }
    }
}

/// <summary>
/// A small SMTP server on a real loopback port that keeps what it is sent (the protocol Lapor's mail client speaks:
/// EHLO, MAIL, RCPT, DATA, QUIT). It can refuse the first sessions with 421, like a mail server that is down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _refuse;

    public SmtpSink(int refuseFirstSessions = 0)
    {
        _refuse = refuseFirstSessions;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The settings that send a host's mail here.</summary>
    public void ReceiveFrom(Dictionary<string, string> settings)
    {
        settings["Lapor:Notifications:Smtp:Host"] = "127.0.0.1";
        settings["Lapor:Notifications:Smtp:Port"] = Port.ToString();
        settings["Lapor:Notifications:Smtp:From"] = "lapor@lapor.test";
    }
    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();
    public int Refused { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        await using (var stream = client.GetStream())
        {
            var reader = new StreamReader(stream, Encoding.ASCII);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            if (Interlocked.Decrement(ref _refuse) >= 0)
            {
                Refused++;
                await writer.WriteLineAsync("421 lapor-test-sink not available");
                return;
            }
            await writer.WriteLineAsync("220 lapor-test-sink ready");
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 lapor-test-sink"); break;
                    case "MAIL": to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT": to.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]); await writer.WriteLineAsync("250 OK"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with .");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } body && body != ".") data.Append(body).Append("\r\n");
                        Messages.Enqueue(new ReceivedMail([.. to], data.ToString()));
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                    default: await writer.WriteLineAsync("250 OK"); break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
    }
}
