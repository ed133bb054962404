using System.Net.Http.Json;
using System.Text;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>An anonymous reporter's identity never leaves Intake: not in events, other services' databases or logs.</summary>
public sealed class PrivacyTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task An_anonymous_reporters_name_and_email_appear_nowhere_but_encrypted_in_intake()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var name = $"Wulandari Leaktest{marker}";
        var email = $"wulan.{marker}@contoh.id";
        var citizen = lapor.CreateClient();
        var response = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            type = "aduan",
            title = "Jalan berlubang di depan Pasar Wonokromo",
            text = "Jalan di depan Pasar Wonokromo rusak berlubang besar, dua pengendara motor sudah jatuh. Mohon segera diperbaiki.",
            region = "35.78",
            anonymous = true,
            confidential = true,
            contact = new { name, email, phone = "081298765432" },
        });
        var receipt = (await response.Content.ReadFromJsonAsync<Receipt>())!;

        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        await officer.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/resolve", new { text = "Lubang sudah ditambal dan jalan diaspal ulang oleh tim lapangan." });
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("status").GetString() == "selesai", "the report is resolved");

        SqliteConnection.ClearAllPools(); // release the files, so what is read is what the services wrote
        string[] secrets = [name, marker, email, receipt.AccessCode];
        foreach (var file in Directory.GetFiles(lapor.DataDirectory, "*.db*"))
        {
            var content = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            foreach (var secret in secrets)
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} contains '{secret}'.");
        }
        Assert.Contains(Directory.GetFiles(lapor.DataDirectory, "*.db*"), f => Path.GetFileName(f).StartsWith("analytics"));
        Assert.DoesNotContain(lapor.Logs, line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase)));
        Assert.NotEmpty(lapor.Logs);
    }

    [Fact]
    public async Task Personal_data_typed_into_a_confidential_report_stays_in_intake()
    {
        var marker = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        var nik = "357801" + marker;
        var phone = "0812" + marker[..8];
        var email = $"saksi{marker}@contoh.id";
        var citizen = lapor.CreateClient();
        var receipt = await FileAsync(citizen, new
        {
            type = "aduan",
            title = "Jalan berlubang di depan Pasar Wonokromo",
            text = $"Jalan di depan Pasar Wonokromo rusak berlubang besar. Saya saksi, NIK {nik}, hubungi {phone} atau {email}.",
            region = "35.78",
            confidential = true,
        });
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        using (var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/replies"))
        {
            reply.Headers.Add("X-Access-Code", receipt.AccessCode);
            reply.Content = JsonContent.Create(new { text = $"Tambahan: nomor saya yang lain {phone}." });
            Assert.Equal(System.Net.HttpStatusCode.OK, (await citizen.SendAsync(reply)).StatusCode);
        }
        await Eventually(async () => (await officer.GetStringAsync($"/api/desk/complaints/{receipt.TrackingId}")).Contains("Tambahan"), "the desk has the reply");
        var resolved = await officer.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/resolve", new { text = "Lubang sudah ditambal dan jalan diaspal ulang oleh tim lapangan pada 3 Desember." });
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("status").GetString() == "selesai", "the report is resolved");

        var desk = await officer.GetStringAsync($"/api/desk/complaints/{receipt.TrackingId}");
        Assert.Contains("Pasar Wonokromo", desk);
        SqliteConnection.ClearAllPools();
        var elsewhere = Directory.GetFiles(lapor.DataDirectory, "*.db*").Where(f => !Path.GetFileName(f).StartsWith("intake")).ToList();
        Assert.Contains(elsewhere, f => Path.GetFileName(f).StartsWith("triage"));
        Assert.Contains(elsewhere, f => Path.GetFileName(f).StartsWith("analytics"));
        foreach (var secret in new[] { nik, phone, email, marker })
        {
            Assert.DoesNotContain(secret, desk);
            foreach (var file in elsewhere)
                Assert.False(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Contains(secret), $"{Path.GetFileName(file)} contains '{secret}'.");
        }
        foreach (var file in elsewhere.Where(f => Path.GetFileName(f).StartsWith("analytics")))
            Assert.DoesNotContain("Wonokromo rusak", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
    }
}
