using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.AgencyDesk.Api;
using Lapor.AgencyDesk.Consumers;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults.Persistence;
using Lapor.AgencyDesk.Workers;
using Lapor.ServiceDefaults.Mail;
using MassTransit;

namespace Lapor.AgencyDesk;

/// <summary>Agency desk: each agency's inbox of routed reports, where officers follow them up.</summary>
public static class AgencyDeskExtensions
{
    public static WebApplicationBuilder AddAgencyDesk(this WebApplicationBuilder builder)
    {
        builder.AddLaporDatabase<DeskDbContext>("desk");
        builder.Services.AddDirectorySeeder<DeskDbContext, DirectoryAgency>(db => db.Agencies, a => a.Id, DirectoryAgency.From);
        builder.Services.AddReportRowsLoader<DeskDbContext, DeskComplaint>(db => db.Complaints, c => c.ComplaintId);
        builder.Services.AddReportRowsLoader<DeskDbContext, PendingAttachment>(db => db.PendingAttachments, a => a.ComplaintId, only: e => e is ComplaintRouted);
        builder.Services.AddReportRowsLoader<DeskDbContext, OfficerNotice>(db => db.Notices, n => n.ComplaintId);
        builder.Services.AddSingleton<IGroupLoader<DeskDbContext>, OfficersLoader>();
        builder.Services.AddSingleton<OfficersApi.KnownOfficers>();
        // Officers' notices: due-soon reminders, and their mail where an SMTP server is configured.
        builder.Services.AddScoped<DueSoonNotices>();
        builder.Services.AddHostedService<DueSoonSweeper>();
        if (SmtpSettings.Read(builder.Configuration) is { } smtp)
        {
            builder.Services.AddSingleton(new SmtpMailer(smtp));
            builder.Services.AddHostedService<NoticeMailer>();
        }
        Weekdays.Calendar = new Lapor.Contracts.Reference.WorkingDays(Lapor.Contracts.Reference.Holidays.Load(
            builder.Configuration["Lapor:Calendar:File"], builder.Configuration.GetSection("Lapor:Holidays").Get<DateOnly[]>()));
        return builder;
    }

    public static void AddAgencyDeskConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ComplaintRoutedConsumer>();
        bus.AddConsumer<ReporterConsumer<ReporterReplied>>();
        bus.AddConsumer<ReporterConsumer<ComplaintReopened>>();
        bus.AddConsumer<ReporterConsumer<ComplaintResolved>>();
        bus.AddConsumer<ReporterConsumer<FollowUpRestarted>>();
        bus.AddConsumer<AttachmentAddedConsumer>();
        bus.AddConsumer<AgencyChangedConsumer>();
        bus.AddConsumer<ReportReadConsumer>();
        bus.AddConsumer<SlaBreachedConsumer>();
    }

    public static IEndpointRouteBuilder MapAgencyDesk(this IEndpointRouteBuilder app)
    {
        app.MapDeskApi();
        app.MapDeskActionsApi();
        app.MapReadsApi();
        app.MapOfficersApi();
        app.MapEscalationsApi();
        app.MapSupervisorToolsApi();
        app.MapNoticesApi();
        app.MapSavedViewsApi();
        app.MapErrorQueueAdmin("agency-desk");
        return app;
    }
}
