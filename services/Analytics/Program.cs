using Lapor.Analytics;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddAnalytics();
builder.AddLaporBus(AnalyticsExtensions.AddAnalyticsConsumers);

var app = builder.Build();
app.UseLaporDefaults();
app.MapAnalytics();
app.Run();
