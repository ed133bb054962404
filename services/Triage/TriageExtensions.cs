using Lapor.Triage.Workers;
using Lapor.ServiceDefaults.Messaging;
using Lapor.ServiceDefaults.Persistence;
using Lapor.Triage.Api;
using Lapor.Triage.Consumers;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using MassTransit;

namespace Lapor.Triage;

/// <summary>Triage: classifies each report, routes it to the responsible agency and owns the agency directory and deadlines.</summary>
public static class TriageExtensions
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        builder.AddLaporDatabase<TriageDbContext>("triage");
        builder.Services.AddReportRowsLoader<TriageDbContext, TriagedComplaint>(db => db.Complaints, c => c.ComplaintId);
        builder.Services.AddScoped<ISeeder<TriageDbContext>, AgencySeeder>();
        builder.Services.AddScoped<ISeeder<TriageDbContext>, WordPrintBackfill>();
        builder.Services.AddSingleton<WorkingCalendar>();
        builder.Services.AddSingleton(TriagePolicy.From(builder.Configuration));
        builder.Services.AddSingleton<TriageModel>();
        builder.Services.AddScoped<SlaSweep>();
        builder.Services.AddHostedService<SlaSweeper>();
        builder.Services.AddHostedService<TriageModelWarmup>();
        return builder;
    }

    public static void AddTriageConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ComplaintSubmittedConsumer>();
        bus.AddConsumer<ComplaintForwardRequestedConsumer>();
        bus.AddConsumer<AgencyRespondedConsumer>();
        bus.AddConsumer<ComplaintResolvedConsumer>();
        bus.AddConsumer<ReporterRepliedConsumer>();
        bus.AddConsumer<ComplaintReopenedConsumer>();
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder app)
    {
        app.MapTriageApi();
        app.MapAgencyDirectoryApi();
        app.MapVerificationApi();
        app.MapErrorQueueAdmin("triage");
        return app;
    }
}
