using System.Diagnostics;
using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.Benchmarks;

/// <summary>
/// What the gateway costs: the same requests to Intake directly, through Lapor's YARP gateway, and through nginx
/// (Debian's package, when installed) in front of the same Intake, in one run on loopback. A cheap GET (an unknown
/// tracking id: one indexed lookup, 404) and the report POST, at saturation; the targets take turns, twice each,
/// and the better of each target's two rounds is kept (these machines are noisy).
/// </summary>
public static class GatewayBenchmark
{
    public sealed record Figures(double PerSecond, Latency Latency);

    public sealed record Result(int Connections, Dictionary<string, Figures> Get, Dictionary<string, Figures> Post,
        double GatewayGetThroughputRatio, double GatewayPostThroughputRatio, double? NginxGetThroughputRatio, double? NginxPostThroughputRatio);

    public static async Task<Result> RunAsync(BenchmarkOptions options)
    {
        var lapor = new DistributedLapor();
        Nginx? nginx = null;
        try
        {
            await lapor.InitializeAsync();
            var intake = lapor.Service("intake").Address;
            nginx = Nginx.TryStart(intake);
            var targets = new Dictionary<string, Uri> { ["direct"] = intake, ["gateway"] = lapor.Gateway.Address };
            if (nginx is not null) targets["nginx"] = nginx.Address;
            else Console.WriteLine("nginx is not installed (apt-get install nginx-light): comparing direct and gateway only.");

            var duration = TimeSpan.FromSeconds(Math.Max(3, options.Seconds / 2));
            var get = await RoundsAsync(targets, client => LoadGenerator.SaturateGetAsync(client, "/api/complaints/LPR-00000000", options.Connections, duration));
            var post = await RoundsAsync(targets, client => LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, duration));

            double Ratio(Dictionary<string, Figures> f, string target) => Math.Round(f[target].PerSecond / f["direct"].PerSecond, 3);
            var result = new Result(options.Connections, get, post, Ratio(get, "gateway"), Ratio(post, "gateway"),
                nginx is null ? null : Ratio(get, "nginx"), nginx is null ? null : Ratio(post, "nginx"));
            foreach (var (name, figures) in new[] { ("GET 404", get), ("POST report", post) })
            foreach (var (target, f) in figures)
                Console.WriteLine($"Gateway overhead, {name,-11} {target,-8} {f.PerSecond,8} req/s, {f.Latency}");
            Console.WriteLine($"Throughput through the gateway / direct: GET {result.GatewayGetThroughputRatio}, POST {result.GatewayPostThroughputRatio}" +
                (nginx is null ? "" : $"; through nginx / direct: GET {result.NginxGetThroughputRatio}, POST {result.NginxPostThroughputRatio}"));
            return result;
        }
        catch
        {
            Console.Error.WriteLine(lapor.Diagnostics);
            throw;
        }
        finally
        {
            nginx?.Dispose();
            await lapor.DisposeAsync();
        }
    }

    private static async Task<Dictionary<string, Figures>> RoundsAsync(Dictionary<string, Uri> targets, Func<HttpClient, Task<LoadResult>> load)
    {
        var best = new Dictionary<string, Figures>();
        foreach (var (name, address) in targets)
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await load(client); // warm-up
        }
        for (var round = 0; round < 2; round++)
            foreach (var (name, address) in targets)
            {
                using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                var run = await load(client);
                var figures = new Figures(run.PerSecond, Latency.Of(run.Latencies));
                if (!best.TryGetValue(name, out var kept) || figures.PerSecond > kept.PerSecond) best[name] = figures;
            }
        return best;
    }

    /// <summary>nginx as a reverse proxy to one upstream, in the foreground, with a throw-away prefix.</summary>
    private sealed class Nginx : IDisposable
    {
        private readonly Process _process;
        private readonly string _prefix;

        private Nginx(Process process, string prefix, Uri address)
        {
            _process = process;
            _prefix = prefix;
            Address = address;
        }

        public Uri Address { get; }

        public static Nginx? TryStart(Uri upstream)
        {
            var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
            if (binary is null) return null;
            var prefix = Directory.CreateTempSubdirectory("lapor-nginx-").FullName;
            var port = TestEnvironment.FreePort();
            File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
                worker_processes auto;
                daemon off;
                pid {{prefix}}/nginx.pid;
                error_log {{prefix}}/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path {{prefix}}/body;
                    proxy_temp_path {{prefix}}/proxy;
                    fastcgi_temp_path {{prefix}}/fastcgi;
                    uwsgi_temp_path {{prefix}}/uwsgi;
                    scgi_temp_path {{prefix}}/scgi;
                    upstream intake { server {{upstream.Host}}:{{upstream.Port}}; keepalive 128; }
                    server {
                        listen 127.0.0.1:{{port}};
                        location / {
                            proxy_pass http://intake;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header X-Forwarded-For $remote_addr;
                        }
                    }
                }
                """);
            var process = Process.Start(new ProcessStartInfo(binary, ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var nginx = new Nginx(process, prefix, new Uri($"http://127.0.0.1:{port}"));
            for (var i = 0; i < 50; i++)
            {
                try
                {
                    using var probe = new System.Net.Sockets.TcpClient("127.0.0.1", port);
                    return nginx;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    Thread.Sleep(100);
                }
            }
            nginx.Dispose();
            return null;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
            _process.Dispose();
            Directory.Delete(_prefix, recursive: true);
        }
    }
}
