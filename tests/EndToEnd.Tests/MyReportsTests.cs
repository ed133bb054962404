using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// "Laporan saya": a citizen signed in sees the reports filed while signed in and the earlier ones attached with their
/// code; another citizen sees none of them; filing without an account still works; and the account goes nowhere but
/// Intake (not into the report's event, not as the id itself).
/// </summary>
public sealed class MyReportsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task A_signed_in_citizen_sees_their_reports_and_attaches_an_earlier_one_with_its_code()
    {
        var anonymous = lapor.CreateClient();
        var rina = await anonymous.AsAsync(lapor.CreateClient, "citizen", name: "Rina Akun");
        var tono = await anonymous.AsAsync(lapor.CreateClient, "citizen", name: "Tono Akun");

        var signedIn = await FileAsync(rina, new { type = "aduan", title = "Lampu jalan mati di Jalan Kenanga", text = "Lampu penerangan jalan di Jalan Kenanga mati sejak dua minggu, rawan kejahatan.", region = "35.78", anonymous = true });
        var earlier = await FileAsync(anonymous, RoadInSurabaya);

        var mine = (await rina.GetFromJsonAsync<List<JsonElement>>("/api/complaints/mine"))!;
        Assert.Equal([signedIn.TrackingId], mine.Select(r => r.GetProperty("trackingId").GetString()));
        // Triage verifies and routes in the background, so the new report may already have moved on — but no further.
        Assert.Contains(mine[0].GetProperty("status").GetString(), new[] { "belum_terverifikasi", "terverifikasi", "terdisposisi" });

        // An earlier report joins the account with its code; a wrong code, or a report another account holds, is a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await rina.PostAsJsonAsync("/api/complaints/mine", new { trackingId = earlier.TrackingId, accessCode = "SALAHSALAH12" })).StatusCode);
        var attached = await rina.PostAsJsonAsync("/api/complaints/mine", new { trackingId = earlier.TrackingId, accessCode = earlier.AccessCode });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(2, (await attached.Content.ReadFromJsonAsync<List<JsonElement>>())!.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await tono.PostAsJsonAsync("/api/complaints/mine", new { trackingId = earlier.TrackingId, accessCode = earlier.AccessCode })).StatusCode);
        Assert.Empty((await tono.GetFromJsonAsync<List<JsonElement>>("/api/complaints/mine"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/complaints/mine")).StatusCode);

        // The account is kept as a one-way key in Intake only: not the id, and not in the event other services read.
        await using var scope = lapor.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var owner = await db.Complaints.Where(c => c.TrackingId == signedIn.TrackingId).Select(c => c.OwnerKey).SingleAsync();
        Assert.Equal(43, owner!.Length); // keyed (OwnerKeys), not a bare SHA-256 of the account id
        // Hashing the account's id (a NIK, where an identity provider uses one) does not find its reports in a database copy.
        var subject = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(rina.DefaultRequestHeaders.Authorization!.Parameter).Subject;
        Assert.NotEmpty(subject);
        var unkeyed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("lapor-owner:" + subject)));
        Assert.False(await db.Complaints.AnyAsync(c => c.OwnerKey == unkeyed || c.OwnerKey == subject));
        Assert.DoesNotContain("Rina", owner);
        var events = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(events, e => e.Body.Contains(owner) || e.Body.Contains("Rina Akun"));
    }
}
