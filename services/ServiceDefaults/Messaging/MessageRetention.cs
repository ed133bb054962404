using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Keeps the outbox and the inbox from growing for ever: every hour, deletes outbox rows the broker confirmed and
/// inbox rows of handled messages once they are older than <c>Lapor:Retention:Days</c> (default 7). Unsent outbox
/// rows are never deleted. Seven days is far beyond any redelivery (the broker's are within minutes, an outbox
/// resend after a crash within seconds), so dropping a message id from the inbox cannot let a copy through.
/// </summary>
public sealed class MessageRetention<TContext>(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<MessageRetention<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (outbox, inbox) = await TrimAsync(stoppingToken);
                if (outbox + inbox > 0)
                    logger.LogInformation("Retention: {Outbox} sent outbox rows and {Inbox} inbox rows older than the retention period deleted.", outbox, inbox);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Trimming the {Context} outbox and inbox failed; trying again in an hour.", typeof(TContext).Name);
            }
        }
    }

    /// <summary>Deletes what is past the retention period; returns how many outbox and inbox rows went.</summary>
    public async Task<(int Outbox, int Inbox)> TrimAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(configuration.GetValue("Lapor:Retention:Days", 7));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = await db.InWriteTurnAsync(() => db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        var inbox = await db.InWriteTurnAsync(() => db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        return (outbox, inbox);
    }
}
