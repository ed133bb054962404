using Lapor.Contracts;
using System.Diagnostics;
using Lapor.ServiceDefaults.Persistence;
using Lapor.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Relays a service's committed outbox rows to the bus: each report's events in the order they were written
/// (different reports' events in parallel). A row that cannot be published blocks the rows of its report
/// behind it and is retried with exponential back-off until the broker takes it, so no event is lost or
/// overtaken by a later event of the same report. A row is marked sent only after the
/// broker confirmed it; a crash in between republishes it, and consumers' inboxes drop the copy.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal<TContext> signal,
    TimeProvider clock,
    FaultInjection faults,
    PublishHealth publishHealth,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private const int BatchSize = 100;
    private const int PublishConcurrency = 16;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly ActivitySource Source = new("Lapor.Outbox");

    private readonly ResiliencePipeline _publishRetry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(15),
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                logger.LogWarning("Publishing from the {Context} outbox failed (attempt {Attempt}): {Error}",
                    typeof(TContext).Name, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .AddTimeout(TimeSpan.FromSeconds(10))
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A row published before the bus's receive endpoints listen reaches no consumer (the in-memory bus drops it, a
        // fresh broker has no queue bound yet) and would still be marked sent: nothing goes out until the bus is ready.
        await BusReadiness.WaitAsync(bus, logger, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize) { }
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself failed (restart, network): wait and read the rows again.
                logger.LogWarning(ex, "The {Context} outbox could not be read; retrying.", typeof(TContext).Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Publishes up to one batch of unsent rows; returns how many were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        // A short batch is the whole backlog; count only when the batch is full.
        LaporTelemetry.ReportOutboxBacklog(typeof(TContext).Name,
            pending.Count < BatchSize ? pending.Count : await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken));

        var sent = new List<long>(pending.Count);
        try
        {
            // One report's events go out one after another, in the order they were written; different reports'
            // events go out side by side, so a batch costs about one confirm round trip per report, not per row.
            var reports = pending.Select(row => (Row: row, Message: row.Deserialize()))
                .GroupBy(x => (x.Message.Message as IComplaintEvent)?.ComplaintId ?? Guid.Empty);
            await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = cancellationToken },
                async (report, token) =>
                {
                    foreach (var (row, message) in report)
                    {
                        using (publishHealth.Begin())
                            await _publishRetry.ExecuteAsync(async t => await PublishAsync(row, message, t), token);
                        lock (sent) sent.Add(row.Id);
                    }
                });
        }
        finally
        {
            // Mark what the broker confirmed, even when stopping part-way (one statement for the batch); a row
            // published but not marked is published again later and dropped by the consumers' inboxes.
            await db.MarkOutboxSentAsync(sent, clock.GetUtcNow(), CancellationToken.None);
        }
        return pending.Count;
    }

    private async Task PublishAsync(OutboxMessage row, (object Message, Type Type) deserialized, CancellationToken cancellationToken)
    {
        // Continue the trace of the request or consumer that wrote the row.
        using var activity = row.TraceParent is null
            ? null
            : Source.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
        var (message, type) = deserialized;
        // The timeout cancels the token, but a publish waiting on a connection that never opens may not notice: stop
        // waiting for it all the same, so the retry publishes again (a late copy is dropped by the consumers' inboxes).
        for (var copy = 0; copy < (faults.PublishTwice ? 2 : 1); copy++)
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.MessageId;
                if (message is IComplaintEvent complaintEvent) context.CorrelationId = complaintEvent.ComplaintId;
                context.Durable = true;
            }, cancellationToken).WaitAsync(cancellationToken);
    }
}
