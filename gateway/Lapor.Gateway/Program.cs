using Lapor.Gateway;
using Lapor.Portal;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddGateway();
builder.AddLaporFrontDoor();
builder.AddLaporPortal();

var app = builder.Build();
app.UseLaporDefaults();
app.UseLaporFrontDoor();
app.MapDevTokens();
app.MapLaporPortal();
app.MapGateway();
app.Run();
