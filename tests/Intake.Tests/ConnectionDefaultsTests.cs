using Lapor.ServiceDefaults.Persistence;
using Npgsql;

namespace Lapor.Intake.Tests;

/// <summary>The defaults every service adds to its PostgreSQL connection string.</summary>
public sealed class ConnectionDefaultsTests
{
    private static NpgsqlConnectionStringBuilder Tuned(string connectionString) => new(DatabaseExtensions.Tuned(connectionString));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("/var/run/postgresql")]
    [InlineData("localhost,127.0.0.1")]
    public void A_database_on_this_machine_is_reached_without_tls(string host) =>
        Assert.Equal(SslMode.Disable, Tuned($"Host={host};Database=lapor").SslMode);

    [Theory]
    [InlineData("postgres")]
    [InlineData("10.0.0.7")]
    [InlineData("localhost,db.internal")]
    public void A_database_elsewhere_keeps_npgsqls_default(string host) =>
        Assert.Equal(SslMode.Prefer, Tuned($"Host={host};Database=lapor").SslMode);

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
