using System.Net;
using System.Net.Sockets;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>Where a process finds RabbitMQ: one broker's URI, or a cluster's nodes beside it.</summary>
public sealed class RabbitMqAddressTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void The_cluster_nodes_are_read_from_a_comma_separated_list()
    {
        Assert.Empty(RabbitMqAddress.ClusterNodes(Settings()));
        Assert.Equal(["rabbit-a:5672", "rabbit-b", "10.0.0.3:5673"],
            RabbitMqAddress.ClusterNodes(Settings(("Lapor:Bus:ClusterNodes", " rabbit-a:5672, rabbit-b ,,10.0.0.3:5673"))));
    }

    [Fact]
    public void Connections_prove_themselves_alive_every_ten_seconds_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RabbitMqAddress.Heartbeat(Settings()));
        Assert.Equal(TimeSpan.FromSeconds(4), RabbitMqAddress.Heartbeat(Settings(("Lapor:Bus:HeartbeatSeconds", "4"))));
        Assert.Equal(TimeSpan.FromSeconds(1), RabbitMqAddress.Heartbeat(Settings(("Lapor:Bus:HeartbeatSeconds", "0"))));
    }

    /// <summary>With the URI's host refusing, the process's own broker connection goes to a node of the list.</summary>
    [Fact]
    public async Task A_connection_tries_the_listed_nodes_not_only_the_uri_host()
    {
        using var refusing = new TcpListener(IPAddress.Loopback, 0);
        refusing.Start();
        var closedPort = ((IPEndPoint)refusing.LocalEndpoint).Port;
        refusing.Stop();
        using var node = new TcpListener(IPAddress.Loopback, 0);
        node.Start();
        var nodePort = ((IPEndPoint)node.LocalEndpoint).Port;
        var settings = Settings(("ConnectionStrings:rabbitmq", $"amqp://guest:guest@127.0.0.1:{closedPort}/"),
            ("Lapor:Bus:ClusterNodes", $"127.0.0.1:{closedPort},127.0.0.1:{nodePort}"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var connecting = RabbitMqAddress.ConnectAsync(settings, "test", timeout.Token);
        using var accepted = await node.AcceptTcpClientAsync(timeout.Token); // the listed node was asked (it speaks no AMQP, so no more)
        Assert.True(accepted.Connected);
        await Assert.ThrowsAnyAsync<Exception>(() => connecting);
    }
}
