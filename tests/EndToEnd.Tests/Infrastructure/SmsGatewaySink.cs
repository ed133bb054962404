using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A message the SMS gateway took: the number, the text, Lapor's reference and the secret it came with.</summary>
public sealed record SentSms(string To, string Text, string Reference, string? Secret);

/// <summary>
/// An operator's SMS gateway on a real port: takes <c>{ to, text, reference }</c> posts and keeps them; the first
/// <paramref name="refuseFirst"/> posts are answered 503, as a gateway under load would.
/// </summary>
public sealed class SmsGatewaySink(int refuseFirst = 0) : IAsyncDisposable
{
    private WebApplication? _app;
    private int _posts;

    public ConcurrentQueue<SentSms> Messages { get; } = new();
    public int Refused => Math.Min(_posts, refuseFirst);
    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/send", async (HttpRequest request) =>
        {
            if (Interlocked.Increment(ref _posts) <= refuseFirst) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            Messages.Enqueue(new SentSms(body.GetProperty("to").GetString()!, body.GetProperty("text").GetString()!,
                body.GetProperty("reference").GetString()!, request.Headers["X-Lapor-Channel-Secret"]));
            return Results.Accepted();
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/send";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
