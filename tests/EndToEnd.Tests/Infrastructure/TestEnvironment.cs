using System.Net;
using System.Net.Sockets;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>Where the real broker and database are, and where the built services live.</summary>
public static class TestEnvironment
{
    /// <summary>The broker, without a virtual host: each fixture makes its own (<see cref="TestServers"/>).</summary>
    public static string RabbitMqHost => TestServers.RabbitMqHost;
    public static int RabbitMqPort => TestServers.RabbitMqPort;

    /// <summary>A PostgreSQL role allowed to create databases (<see cref="TestServers"/>).</summary>
    public static string Postgres => TestServers.Postgres;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: whatever the tests themselves were built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).SkipWhile(part => part != "bin").Skip(1).FirstOrDefault() ?? "Debug";

    public static string AssemblyPath(string projectDirectory, string assemblyName) =>
        Path.Combine(RepositoryRoot, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lapor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Lapor.sln not found above the test assembly.");
    }
}
