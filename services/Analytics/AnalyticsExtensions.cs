using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Analytics.Api;
using Lapor.Analytics.Consumers;
using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.ServiceDefaults.Persistence;
using MassTransit;

namespace Lapor.Analytics;

/// <summary>Analytics: read models for oversight staff, built only from events, rebuildable from the events it keeps.</summary>
public static class AnalyticsExtensions
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddLaporDatabase<AnalyticsDbContext>("analytics");
        builder.Services.AddDirectorySeeder<AnalyticsDbContext, DirectoryAgency>(db => db.Agencies, a => a.Id, DirectoryAgency.From);
        builder.Services.AddScoped<ISeeder<AnalyticsDbContext>, CellsBackfill>();
        builder.Services.AddScoped<ISeeder<AnalyticsDbContext>, FreeTextScrub>();
        builder.Services.AddReportRowsLoader<AnalyticsDbContext, ComplaintFact>(db => db.Complaints, f => f.ComplaintId);
        builder.Services.AddReportRowsLoader<AnalyticsDbContext, AgencyHolding>(db => db.Holdings, h => h.ComplaintId, only: e => AgencyHolding.AgencyOf(e) is not null);
        return builder;
    }

    public static void AddAnalyticsConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ProjectionConsumer<ComplaintSubmitted>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintVerified>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintRouted>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintForwardRequested>>();
        bus.AddConsumer<ProjectionConsumer<ReporterAsked>>();
        bus.AddConsumer<ProjectionConsumer<AgencyResponded>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintResolved>>();
        bus.AddConsumer<ProjectionConsumer<SlaBreached>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintArchived>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintRated>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintSupported>>();
        bus.AddConsumer<ProjectionConsumer<ReporterReplied>>();
        bus.AddConsumer<ProjectionConsumer<ComplaintReopened>>();
        bus.AddConsumer<ProjectionConsumer<FollowUpRestarted>>();
        bus.AddConsumer<AgencyChangedConsumer>();
    }

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapAnalyticsApi();
        app.MapErrorQueueAdmin("analytics");
        return app;
    }
}
