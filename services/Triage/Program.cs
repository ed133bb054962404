using Lapor.Triage;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddTriage();
builder.AddLaporBus(TriageExtensions.AddTriageConsumers);

var app = builder.Build();
app.UseLaporDefaults();
app.MapTriage();
app.Run();
