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
}
