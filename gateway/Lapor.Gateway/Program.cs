using Lapor.Gateway;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddGateway();
builder.AddLaporRateLimits();

var app = builder.Build();
app.UseLaporDefaults();
app.UseRateLimiter();
app.MapDevTokens();
app.MapReverseProxy();
app.Run();
