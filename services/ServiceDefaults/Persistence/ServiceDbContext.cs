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

    /// <summary>Marks these outbox rows sent, in one statement.</summary>
    public Task<int> MarkOutboxSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.FromResult(0)
            : InWriteTurnAsync(() => OutboxMessages.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken),
                cancellationToken);

    /// <summary>
    /// Runs a write — SaveChanges, or a set-based <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> that bypasses it — in its
    /// turn at the database file's write gate on SQLite (see <see cref="SqliteWriteGate"/>); on PostgreSQL at once.
    /// </summary>
    public Task<T> InWriteTurnAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        Database.IsSqlite() ? SqliteWriteGate.RunAsync(this, write, cancellationToken) : write();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        InWriteTurnAsync(() => SaveAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    /// <summary>Whether set-based writes (SQL that EF cannot express, such as adding to counters) wait for the next SaveChanges.</summary>
    protected virtual bool HasSetBasedWrites => false;

    /// <summary>Runs the waiting set-based writes inside SaveChanges' transaction.</summary>
    protected virtual Task WriteSetBasedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Forgets the set-based writes once they committed.</summary>
    protected virtual void ClearSetBasedWrites() { }

    /// <summary>The keys, by entity type, whose rows for the current message group were loaded in one query.</summary>
    private HashSet<(Type Entity, object Key)>? _loadedForGroup;

    /// <summary>
    /// Loads in one query the rows with these keys (see <see cref="IGroupLoader{TContext}"/>), and remembers which keys
    /// it asked for: <see cref="FindLoadedAsync{TEntity, TKey}"/> then answers those from what is tracked, without asking
    /// the database for a key the query did not find (a new report's first event). Other keys are looked up as usual.
    /// </summary>
    public async Task LoadForGroupAsync<TEntity, TKey>(IQueryable<TEntity> rowsWithKeys, IEnumerable<TKey> keys, CancellationToken cancellationToken)
        where TEntity : class
        where TKey : notnull
    {
        await rowsWithKeys.LoadAsync(cancellationToken);
        _loadedForGroup ??= [];
        foreach (var key in keys) _loadedForGroup.Add((typeof(TEntity), key));
    }

    /// <summary>
    /// The entity with this key: the tracked one, or — unless the group's load asked for this key, so it does not
    /// exist — the stored one. Unlike <c>FindAsync</c>, looking in the tracker does not first scan every tracked entity
    /// for changes (per message of a 64-message group, that scan made a group's cost grow with its square).
    /// </summary>
    public ValueTask<TEntity?> FindLoadedAsync<TEntity, TKey>(TKey key, CancellationToken cancellationToken)
        where TEntity : class
        where TKey : notnull =>
        FindLoadedAsync<TEntity>(key, [key], cancellationToken);

    /// <summary>
    /// <see cref="FindLoadedAsync{TEntity, TKey}"/> for a row with a key of several columns (<paramref name="key"/>, in
    /// the key's order) that the group's load fetched under <paramref name="loadedBy"/> (its report's id).
    /// </summary>
    public async ValueTask<TEntity?> FindLoadedAsync<TEntity>(object loadedBy, object[] key, CancellationToken cancellationToken)
        where TEntity : class
    {
        var tracked = WithoutChangeScan(() => Set<TEntity>().Local.FindEntryUntyped(key)?.Entity);
        if (tracked is not null || LoadedForGroup<TEntity>(loadedBy)) return tracked;
        return await Set<TEntity>().FindAsync(key, cancellationToken);
    }

    /// <summary>
    /// True when the group's load fetched the rows of <typeparamref name="TEntity"/> under this key (a report's id, an
    /// agency's): every one of them is tracked, so one not tracked does not exist.
    /// </summary>
    public bool LoadedForGroup<TEntity>(object key) where TEntity : class => _loadedForGroup?.Contains((typeof(TEntity), key)) == true;

    /// <summary>The tracked entities of this type that <paramref name="match"/> (as <c>Local</c> shows them, but without its change scan).</summary>
    public List<TEntity> Tracked<TEntity>(Func<TEntity, bool> match) where TEntity : class =>
        WithoutChangeScan(() => ChangeTracker.Entries<TEntity>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity).Where(match).ToList());

    /// <summary>The entities of this type added in this unit of work and not saved yet (adding is tracked at once: no change scan).</summary>
    public List<TEntity> Added<TEntity>() where TEntity : class =>
        WithoutChangeScan(() => ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList());

    private T WithoutChangeScan<T>(Func<T> read)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>A pooled context is reused: what one unit of work left (unsaved set-based writes, a group's loads) must not reach the next.</summary>
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        ClearSetBasedWrites();
        _loadedForGroup = null;
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
