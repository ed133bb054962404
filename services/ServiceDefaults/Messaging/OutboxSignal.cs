using System.Threading.Channels;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>Wakes a context's outbox dispatcher as soon as new rows commit, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal<TContext> where TContext : ServiceDbContext
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>1 while a wake-up waits to be taken: under load most commits find one and skip the channel's lock.</summary>
    private int _pending;

    public void Notify()
    {
        if (Volatile.Read(ref _pending) == 1 || Interlocked.Exchange(ref _pending, 1) == 1) return;
        _channel.Writer.TryWrite(true);
    }

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
            // Rows committed by a Notify skipped from here on are read by the dispatch that follows this wait.
            Volatile.Write(ref _pending, 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Notifies the <see cref="OutboxSignal{TContext}"/> after a SaveChanges that committed unsent outbox rows.</summary>
internal sealed class OutboxSignalInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor
    where TContext : ServiceDbContext
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    private void Notify(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null) == true)
            signal.Notify();
    }
}
