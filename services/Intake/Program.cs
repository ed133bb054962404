using Lapor.Intake;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporDefaults();
builder.AddIntake();
builder.AddLaporBus(IntakeExtensions.AddIntakeConsumers);

var app = builder.Build();
app.UseLaporDefaults();
app.MapIntake();
app.Run();
