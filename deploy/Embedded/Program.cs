using Lapor.AgencyDesk;
using Lapor.Analytics;
using Lapor.Embedded;
using Lapor.Intake;
using Lapor.Portal;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;
using Lapor.ServiceDefaults.Security;
using Lapor.Triage;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = QuickStart.Environment(args) });
builder.AddLaporDefaults();
builder.AddIntake();
builder.AddTriage();
builder.AddAgencyDesk();
builder.AddAnalytics();
builder.AddLaporFrontDoor();
builder.AddLaporPortal();
builder.AddLaporBus(
    IntakeExtensions.AddIntakeConsumers,
    TriageExtensions.AddTriageConsumers,
    AgencyDeskExtensions.AddAgencyDeskConsumers,
    AnalyticsExtensions.AddAnalyticsConsumers);

var app = builder.Build();
app.UseLaporDefaults();
app.UseLaporFrontDoor();
app.MapIntake();
app.MapTriage();
app.MapAgencyDesk();
app.MapAnalytics();
app.MapDevTokens();
app.MapLaporPortal();
app.AnnounceAddresses();
app.Run();
