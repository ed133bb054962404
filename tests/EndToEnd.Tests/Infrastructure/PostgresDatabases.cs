using Npgsql;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>One PostgreSQL database per service for one fixture; the services create them, this drops them.</summary>
public sealed class PostgresDatabases(string prefix) : IAsyncDisposable
{
    private readonly List<string> _names = [];

    public string ConnectionString(string service)
    {
        var name = $"{prefix}_{service}";
        _names.Add(name);
        return new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString;
    }

    public async Task<T?> ScalarAsync<T>(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = $"{prefix}_{service}" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : result is T typed ? typed : (T)Convert.ChangeType(result, typeof(T));
    }

    /// <summary>A query's first two columns, row by row.</summary>
    public async Task<List<(TFirst First, TSecond Second)>> PairsAsync<TFirst, TSecond>(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = $"{prefix}_{service}" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(TFirst, TSecond)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetFieldValue<TFirst>(0), reader.GetFieldValue<TSecond>(1)));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _names.Distinct())
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
