using Lapor.ServiceDefaults.Mail;
using Lapor.Contracts;
using Lapor.Intake.Outbound;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Intake.Api;
using Lapor.Intake.Api.Open311;
using Lapor.Intake.Consumers;
using Lapor.Intake.Domain;
using Microsoft.AspNetCore.DataProtection;
using Lapor.Intake.Persistence;
using Lapor.Intake.Workers;
using Lapor.ServiceDefaults.Persistence;
using MassTransit;

namespace Lapor.Intake;

/// <summary>Intake: citizens file and follow their reports. Owns reports, access codes and reporters' identities.</summary>
public static class IntakeExtensions
{
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        builder.AddLaporDatabase<IntakeDbContext>("intake");
        builder.Services.AddScoped<ISeeder<IntakeDbContext>, PublicFieldsBackfill>();
        builder.Services.AddScoped<ISeeder<IntakeDbContext>, OwnerKeyRekeying>();
        builder.Services.AddReportRowsLoader<IntakeDbContext, Complaint>(db => db.Complaints, c => c.Id);
        builder.Services.AddSingleton<ReporterVault>();
        builder.Services.AddScoped<ReportFiling>();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddIntakeExamples());
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddSingleton<AccessCodeGuard>();
        builder.Services.AddSingleton<AccessCodeRecoveryLimits>();
        builder.Services.AddSingleton<AnonymousSupportQuota>();
        builder.Services.AddSingleton<PersonalDataRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PersonalDataRetention>());
        if (SmtpSettings.Read(builder.Configuration) is { } smtp)
            builder.Services.AddSingleton<IReporterMessenger>(new EmailMessenger(new SmtpMailer(smtp)));
        if (SmsSettings.Read(builder.Configuration) is { } sms)
        {
            builder.Services.AddHttpClient(SmsMessenger.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
            builder.Services.AddSingleton<IReporterMessenger>(services => new SmsMessenger(sms, services.GetRequiredService<IHttpClientFactory>()));
        }
        if (builder.Services.Any(s => s.ServiceType == typeof(IReporterMessenger)))
            builder.Services.AddHostedService<NotificationDispatcher>();
        // Keys that encrypt reporters' contact details; keep this folder (and back it up) wherever Intake runs.
        var keys = builder.Configuration["Lapor:DataProtection:KeysDirectory"]
            ?? Path.Combine(builder.Configuration["Lapor:DataDirectory"] ?? "data", "keys");
        builder.Services.AddDataProtection().SetApplicationName("Lapor.Intake").PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys)));
        builder.Services.AddSingleton(_ => OwnerKeys.FromDirectory(Path.GetFullPath(keys)));
        return builder;
    }

    public static void AddIntakeConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TimelineConsumer<ComplaintVerified>>();
        bus.AddConsumer<TimelineConsumer<ComplaintRouted>>();
        bus.AddConsumer<TimelineConsumer<ComplaintForwardRequested>>();
        bus.AddConsumer<TimelineConsumer<ReporterAsked>>();
        bus.AddConsumer<TimelineConsumer<AgencyResponded>>();
        bus.AddConsumer<TimelineConsumer<ComplaintResolved>>();
        bus.AddConsumer<TimelineConsumer<ComplaintArchived>>();
        bus.AddConsumer<TimelineConsumer<FollowUpRestarted>>();
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapMyReportsApi();
        app.MapComplaintsApi();
        app.MapCitizenActionsApi();
        app.MapPersonalDataApi();
        app.MapAccessCodeRecoveryApi();
        app.MapAttachmentsApi();
        app.MapMessagingChannelsApi();
        app.MapPublicFeedApi();
        app.MapOpen311Api();
        app.MapErrorQueueAdmin("intake");
        return app;
    }
}
