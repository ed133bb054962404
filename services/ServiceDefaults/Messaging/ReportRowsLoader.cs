using System.Linq.Expressions;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Loads, in one query, a service's rows of the reports a message group is about (its <see cref="IComplaintEvent"/>s),
/// so each message's consumer finds its report's row with <see cref="ServiceDbContext.FindLoadedAsync{TEntity, TKey}"/>
/// instead of querying for it, and a new report's absence costs nothing.
/// </summary>
/// <param name="rows">The service's table of reports (or of rows kept per report).</param>
/// <param name="reportId">A row's report id.</param>
/// <param name="only">The events whose consumers look these rows up; all when null.</param>
public sealed class ReportRowsLoader<TContext, TEntity>(Func<TContext, IQueryable<TEntity>> rows, Expression<Func<TEntity, Guid>> reportId,
    Func<IComplaintEvent, bool>? only = null)
    : IGroupLoader<TContext>
    where TContext : ServiceDbContext
    where TEntity : class
{
    public async Task LoadAsync(TContext db, IReadOnlyList<object> messages, CancellationToken cancellationToken)
    {
        var reports = new ReportIds(messages.OfType<IComplaintEvent>().Where(e => only?.Invoke(e) ?? true).Select(e => e.ComplaintId).Distinct().ToList());
        if (reports.Ids.Count == 0) return;
        // row => reports.Ids.Contains(reportId(row)), with the ids a parameter (one cached query, one plan), not constants.
        var contains = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
                Expression.Property(Expression.Constant(reports), nameof(ReportIds.Ids)), reportId.Body),
            reportId.Parameters);
        await db.LoadForGroupAsync(rows(db).Where(contains), reports.Ids, cancellationToken);
    }

    private sealed record ReportIds(List<Guid> Ids);
}

public static class ReportRowsLoaderExtensions
{
    /// <summary>Registers a <see cref="ReportRowsLoader{TContext, TEntity}"/> for the service's consumers' message groups.</summary>
    public static IServiceCollection AddReportRowsLoader<TContext, TEntity>(
        this IServiceCollection services, Func<TContext, IQueryable<TEntity>> rows, Expression<Func<TEntity, Guid>> reportId,
        Func<IComplaintEvent, bool>? only = null)
        where TContext : ServiceDbContext
        where TEntity : class =>
        services.AddSingleton<IGroupLoader<TContext>>(new ReportRowsLoader<TContext, TEntity>(rows, reportId, only));
}
