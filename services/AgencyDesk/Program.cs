using Lapor.AgencyDesk;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddAgencyDesk();
builder.AddLaporBus(AgencyDeskExtensions.AddAgencyDeskConsumers);

var app = builder.Build();
app.UseLaporDefaults();
app.MapAgencyDesk();
app.Run();
