using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Lapor.EndToEnd.Tests.Deployment;

/// <summary>
/// The embedded host started as deploy/README tells a small office (<c>ASPNETCORE_ENVIRONMENT=Production dotnet run
/// --project deploy/Embedded</c>) really is Production: the launch profile's development default gives way, and
/// nothing the development settings allow works — minting tokens, the development signing key, the development SMS
/// secret, the development Open311 key.
/// </summary>
public sealed class ProductionEnvironmentTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "lapor-production-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = TestEnvironment.FreePort();
    private readonly List<string> _output = [];
    private Process? _host;
    private HttpClient Client => new() { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestEnvironment.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--project", "deploy/Embedded", "--no-build", "-c", TestEnvironment.Configuration, "--", "--urls", $"http://127.0.0.1:{_port}" })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Lapor__DataDirectory"] = _data;
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _host.ErrorDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await Client.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (_host.HasExited) break;
            await Task.Delay(200);
        }
        lock (_output) Assert.Fail("The host did not start in Production:\n" + string.Join("\n", _output));
    }

    public async Task DisposeAsync()
    {
        if (_host is { HasExited: false }) { _host.Kill(entireProcessTree: true); await _host.WaitForExitAsync(); }
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Nothing_the_development_settings_allow_works_in_production()
    {
        var client = Client;
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/dev/token", new { role = "verifier" })).StatusCode);

        var devKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("lapor-development-signing-key-not-for-production-use"));
        var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(claims: [new Claim("role", "verifier"), new Claim("sub", "attacker")],
            expires: DateTime.UtcNow.AddHours(1), signingCredentials: new SigningCredentials(devKey, SecurityAlgorithms.HmacSha256)));
        using var queue = new HttpRequestMessage(HttpMethod.Get, "/api/triage/queue");
        queue.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(queue)).StatusCode);

        using var sms = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms")
        {
            Content = JsonContent.Create(new { from = "081234567890", text = "LAPOR 35.78 jalan rusak", messageId = "m-1" }),
        };
        sms.Headers.Add("X-Lapor-Channel-Secret", "dev-channel-secret-not-for-production");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(sms)).StatusCode);

        var open311 = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "dev-open311-key", ["service_code"] = "infrastruktur", ["description"] = "Jalan rusak parah di depan pasar, mohon diperbaiki.",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, open311.StatusCode);
        // Still a working host: the public feed answers.
        Assert.Equal(JsonValueKind.Array, (await client.GetFromJsonAsync<JsonElement>("/api/complaints")).GetProperty("items").ValueKind);
    }
}
