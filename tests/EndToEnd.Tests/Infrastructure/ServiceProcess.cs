using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A Lapor service or the gateway running as its own operating-system process, as in production.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServiceProcess(string name, string projectDirectory, string assemblyName, IDictionary<string, string> environment)
    {
        Name = name;
        Port = TestEnvironment.FreePort();
        AssemblyPath = TestEnvironment.AssemblyPath(projectDirectory, assemblyName);
        Environment = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Lapor__Auth__SigningKey"] = TestTokens.SigningKey,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
        };
    }

    public string Name { get; }
    public int Port { get; }
    public string AssemblyPath { get; }
    public Dictionary<string, string> Environment { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    public bool HasExited => _process?.HasExited ?? true;
    /// <summary>The running process's id, or null when it is not running.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public void Start()
    {
        if (!File.Exists(AssemblyPath)) throw new FileNotFoundException($"{Name} is not built.", AssemblyPath);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        start.Environment["DOTNET_GCgen0size"] = "0x800000"; // as the images run (deploy/Dockerfile)
        foreach (var (key, value) in Environment) start.Environment[key] = value;

        if (_process is { HasExited: true } ended) Keep($"--- exited with code {ended.ExitCode}; starting again ---");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM, as systemd or Kubernetes do) and waits for it; returns its exit code.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process is null || _process.HasExited) return _process?.ExitCode ?? 0;
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false })!)
            await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>Resident memory now and its peak since the process started, in MB (Linux's VmRSS and VmHWM); zeros when not running.</summary>
    public (double Resident, double Peak) Memory()
    {
        if (_process is null || _process.HasExited) return (0, 0);
        double Field(string[] lines, string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
                ? Math.Round(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024, 1)
                : 0;
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Field(status, "VmRSS"), Field(status, "VmHWM"));
    }

    public string RecentOutput => string.Join('\n', _output.TakeLast(60));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue($"[{Name}] {line}");
        while (_output.Count > 500) _output.TryDequeue(out _);
    }
}
