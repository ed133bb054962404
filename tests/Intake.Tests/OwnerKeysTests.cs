using System.Security.Cryptography;
using System.Text;
using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Intake.Tests;

/// <summary>
/// The key an account is kept under depends on a secret outside the database: the same id gives the same key under one
/// secret and another under another, and the earlier unkeyed keys become the keyed ones at start-up.
/// </summary>
public sealed class OwnerKeysTests(IntakeApiFactory intake) : IClassFixture<IntakeApiFactory>
{
    private const string Nik = "3578014101900001";

    private static string Unkeyed(string subject) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("lapor-owner:" + subject)));

    [Fact]
    public void A_key_depends_on_the_secret_so_hashing_every_possible_id_finds_nothing()
    {
        var one = new OwnerKeys(RandomNumberGenerator.GetBytes(32));
        var other = new OwnerKeys(RandomNumberGenerator.GetBytes(32));

        Assert.Equal(one.Of(Nik), one.Of(Nik));
        Assert.NotEqual(one.Of(Nik), other.Of(Nik));
        Assert.NotEqual(one.Of(Nik), one.Of("3578014101900002"));
        Assert.NotEqual(Unkeyed(Nik), one.Of(Nik));
        Assert.Equal(43, one.Of(Nik).Length);
        Assert.False(OwnerKeys.IsUnkeyed(one.Of(Nik)));
        Assert.True(OwnerKeys.IsUnkeyed(Unkeyed(Nik)));
        Assert.Equal(one.Of(Nik), one.Rekey(Unkeyed(Nik)));
    }

    [Fact]
    public async Task Replicas_starting_together_on_one_folder_keep_one_secret_readable_by_its_owner_alone()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lapor-owner-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => OwnerKeys.FromDirectory(folder))));

            Assert.Single(keys.Select(k => k.Of(Nik)).Distinct());
            Assert.Equal(keys[0].Of(Nik), OwnerKeys.FromDirectory(folder).Of(Nik));
            Assert.Equal([OwnerKeys.SecretFileName], Directory.GetFiles(folder).Select(Path.GetFileName));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, OwnerKeys.SecretFileName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Reports_kept_under_the_unkeyed_form_are_rekeyed_at_start_up_and_stay_with_their_account()
    {
        var trackingIds = new List<string>();
        await intake.InDatabase(async db =>
        {
            foreach (var subject in new[] { Nik, Nik, "citizen-2" })
            {
                var complaint = Complaint.File(new NewComplaint(ReportType.Aduan, "Jalan berlubang di pasar", "Jalan di depan pasar rusak parah sejak lama.",
                    null, "35.78", false, false), Channel.Api, DateTimeOffset.UtcNow, sealedContact: null).Complaint;
                Assert.True(complaint.BelongTo(Unkeyed(subject)));
                db.Complaints.Add(complaint);
                trackingIds.Add(complaint.TrackingId);
            }
            return await db.SaveChangesAsync();
        });

        await using var scope = intake.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<OwnerKeys>();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var rekeying = scope.ServiceProvider.GetServices<Lapor.ServiceDefaults.Persistence.ISeeder<IntakeDbContext>>().OfType<OwnerKeyRekeying>().Single();
        await rekeying.SeedAsync(db, CancellationToken.None);
        await rekeying.SeedAsync(db, CancellationToken.None);

        var owners = await db.Complaints.AsNoTracking().Where(c => trackingIds.Contains(c.TrackingId)).ToDictionaryAsync(c => c.TrackingId, c => c.OwnerKey);
        Assert.Equal([keys.Of(Nik), keys.Of(Nik), keys.Of("citizen-2")], trackingIds.Select(id => owners[id]));
    }
}
