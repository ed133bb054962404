using System.Diagnostics;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>Runs an administration command (through sudo when not root) and returns its output; fails the test if it fails.</summary>
public static class Shell
{
    public static async Task<string> RunAsync(string command, string arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? command : "sudo", root ? arguments : $"-n {command} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
