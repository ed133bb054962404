using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's DbContext: adds the transactional outbox and the consumer inbox to the
/// service's own schema, so events and business changes commit in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Stores an integration event to be published once this context's changes commit.</summary>
    public void AddToOutbox<TEvent>(TEvent @event) where TEvent : class =>
        OutboxMessages.Add(OutboxMessage.From(@event));

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        Database.IsSqlite()
            ? SqliteWriteGate.RunAsync(this, () => SaveAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken)
            : SaveAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>Whether set-based writes (SQL that EF cannot express, such as adding to counters) wait for the next SaveChanges.</summary>
    protected virtual bool HasSetBasedWrites => false;

    /// <summary>Runs the waiting set-based writes inside SaveChanges' transaction.</summary>
    protected virtual Task WriteSetBasedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Forgets the set-based writes once they committed.</summary>
    protected virtual void ClearSetBasedWrites() { }

    /// <summary>A pooled context is reused: set-based writes one unit of work left unsaved must not reach the next.</summary>
    public override void Dispose()
    {
        ClearSetBasedWrites();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        ClearSetBasedWrites();
        return base.DisposeAsync();
    }

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!HasSetBasedWrites) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            // The caller's transaction holds both; it commits or rolls back them together.
            var inCallersTransaction = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await WriteSetBasedAsync(cancellationToken);
            ClearSetBasedWrites();
            return inCallersTransaction;
        }

        // One transaction for the tracked changes and the set-based writes; the retrying strategy replays both.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await WriteSetBasedAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        });
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        ClearSetBasedWrites();
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite cannot order or compare DateTimeOffset; store UTC ticks there instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes UTC only; deadlines carry the region's offset in memory.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetUtcConverter>();
        }
    }
}
