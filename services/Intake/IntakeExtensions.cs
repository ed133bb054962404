using Lapor.Intake.Api;
using Lapor.Intake.Consumers;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Persistence;
using MassTransit;

namespace Lapor.Intake;

/// <summary>Intake: citizens file and follow their reports. Owns reports, access codes and reporters' identities.</summary>
public static class IntakeExtensions
{
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        builder.AddLaporDatabase<IntakeDbContext>("intake");
        return builder;
    }

    public static void AddIntakeConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ComplaintVerifiedConsumer>();
        bus.AddConsumer<ComplaintRoutedConsumer>();
        bus.AddConsumer<ComplaintForwardRequestedConsumer>();
        bus.AddConsumer<ReporterAskedConsumer>();
        bus.AddConsumer<AgencyRespondedConsumer>();
        bus.AddConsumer<ComplaintResolvedConsumer>();
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapComplaintsApi();
        return app;
    }
}
