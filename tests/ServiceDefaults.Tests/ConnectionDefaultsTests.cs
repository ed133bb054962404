using Lapor.ServiceDefaults.Persistence;
using Npgsql;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>The defaults every service adds to its PostgreSQL connection string.</summary>
public sealed class ConnectionDefaultsTests
{
    private static NpgsqlConnectionStringBuilder Tuned(string connectionString) => new(DatabaseExtensions.Tuned(connectionString));

    /// <summary>A database on this machine is reached without TLS; one elsewhere keeps Npgsql's default.</summary>
    [Theory]
    [InlineData("127.0.0.1", SslMode.Disable)]
    [InlineData("localhost", SslMode.Disable)]
    [InlineData("::1", SslMode.Disable)]
    [InlineData("/var/run/postgresql", SslMode.Disable)]
    [InlineData("localhost,127.0.0.1", SslMode.Disable)]
    [InlineData("postgres", SslMode.Prefer)]
    [InlineData("10.0.0.7", SslMode.Prefer)]
    [InlineData("localhost,db.internal", SslMode.Prefer)]
    public void Tls_is_left_out_only_when_every_host_is_this_machine(string host, SslMode expected) =>
        Assert.Equal(expected, Tuned($"Host={host};Database=lapor").SslMode);

    [Fact]
    public void What_the_connection_string_sets_is_kept()
    {
        var tuned = Tuned("Host=127.0.0.1;Database=lapor;SSL Mode=Require;No Reset On Close=false;Max Auto Prepare=0");
        Assert.Equal(SslMode.Require, tuned.SslMode);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }

    [Fact]
    public void Otherwise_pooled_connections_are_not_reset_and_repeated_statements_are_prepared()
    {
        var tuned = Tuned("Host=postgres;Database=lapor");
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
    }
}
