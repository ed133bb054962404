using Npgsql;
using RabbitMQ.Client;

namespace Lapor.Benchmarks;

/// <summary>
/// The cost floor on this machine: a bare ASP.NET Core endpoint that inserts one row into PostgreSQL and
/// publishes one persistent message to RabbitMQ with publisher confirms — no Lapor logic, no outbox, no
/// consumers. Lapor's distributed figures are stated as a ratio to it.
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _database;
    private readonly IConnection _broker;
    private readonly IChannel[] _channels;

    private BaselineServer(WebApplication app, NpgsqlDataSource database, IConnection broker, IChannel[] channels) =>
        (_app, _database, _broker, _channels) = (app, database, broker, channels);

    public Uri Address { get; private set; } = null!;

    public static async Task<BaselineServer> StartAsync(string postgres, string rabbitMq, int port)
    {
        // The services' own connection defaults (no TLS on loopback, prepared statements), so the ratio compares work, not transport.
        var database = NpgsqlDataSource.Create(Lapor.ServiceDefaults.Persistence.DatabaseExtensions.Tuned(postgres));
        await using (var create = database.CreateCommand("CREATE TABLE IF NOT EXISTS baseline (id uuid PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)"))
            await create.ExecuteNonQueryAsync();
        var broker = await new ConnectionFactory { Uri = new Uri(rabbitMq) }.CreateConnectionAsync();
        // A few confirming channels, used round-robin, so concurrent requests do not queue behind one channel.
        var channels = new IChannel[8];
        for (var i = 0; i < channels.Length; i++)
            channels[i] = await broker.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channels[0].QueueDeclareAsync("baseline", durable: true, exclusive: false, autoDelete: false);
        var next = 0;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/baseline", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var id = Guid.CreateVersion7();
            await using (var insert = database.CreateCommand("INSERT INTO baseline (id, body, at) VALUES ($1, $2, now())"))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = body });
                await insert.ExecuteNonQueryAsync();
            }
            var channel = channels[(uint)Interlocked.Increment(ref next) % channels.Length];
            await channel.BasicPublishAsync("", "baseline", mandatory: false, new BasicProperties { Persistent = true, MessageId = id.ToString() },
                System.Text.Encoding.UTF8.GetBytes(body));
            return Results.Created($"/baseline/{id}", new { id });
        });
        await app.StartAsync();
        return new BaselineServer(app, database, broker, channels) { Address = new Uri($"http://127.0.0.1:{port}") };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var channel in _channels) await channel.DisposeAsync();
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }
}
