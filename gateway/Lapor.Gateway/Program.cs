using Lapor.Gateway;
using Lapor.Portal;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddGateway();
builder.AddLaporRateLimits();
builder.AddLaporPortal();

var app = builder.Build();
app.UseLaporDefaults();
app.UseRateLimiter();
app.MapDevTokens();
app.MapLaporPortal();
app.MapReverseProxy();
app.Run();
