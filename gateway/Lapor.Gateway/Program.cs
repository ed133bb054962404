using Lapor.Gateway;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseLaporDefaults();
app.MapDevTokens();
app.MapReverseProxy();
app.Run();
