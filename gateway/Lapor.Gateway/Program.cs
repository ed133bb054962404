using Lapor.Gateway;
using Lapor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseLaporDefaults();
app.MapReverseProxy();
app.Run();
