using System.Diagnostics;
using Lapor.Analytics.Api;
using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Benchmarks;

/// <summary>
/// Oversight queries over a year of reports (a SQLite file; PostgreSQL when LAPOR_BENCH_POSTGRES is a connection
/// string). A seeded generator writes every report's events with a realistic mix — sectors as LAPOR! saw them in the
/// pandemic, 80 % complaints, most reports answered, some late, some rated — then the projection rebuilds the read
/// models from them (timed), the live projection handles a sample event by event (timed), and each oversight
/// endpoint's query runs many times.
/// </summary>
public static class AnalyticsBenchmark
{
    public sealed record Result(string Database, int Reports, long Events, double WriteEventsSeconds, double RebuildSeconds,
        long Cells, double LiveEventsPerSecond, Dictionary<string, Latency> Queries);

    public static async Task<Result> RunAsync(BenchmarkOptions options)
    {
        var postgres = Environment.GetEnvironmentVariable("LAPOR_BENCH_POSTGRES");
        var file = Path.Combine(Path.GetTempPath(), $"lapor-bench-analytics-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<AnalyticsDbContext>();
        if (postgres is null) builder.UseSqlite($"Data Source={file}"); else builder.UseNpgsql(postgres);
        var dbOptions = builder.Options;
        var now = new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

        try
        {
            await using (var db = new AnalyticsDbContext(dbOptions))
            {
                await db.Database.EnsureDeletedAsync();
                await db.Database.EnsureCreatedAsync();
            }

            var write = Stopwatch.StartNew();
            var events = await WriteEventsAsync(dbOptions, options.Reports, now);
            var writeSeconds = Math.Round(write.Elapsed.TotalSeconds, 1);
            Console.WriteLine($"Analytics: wrote {events:N0} events of {options.Reports:N0} reports in {writeSeconds} s; rebuilding…");

            var rebuild = Stopwatch.StartNew();
            await using (var db = new AnalyticsDbContext(dbOptions)) await Projection.RebuildAsync(db, CancellationToken.None);
            var rebuildSeconds = Math.Round(rebuild.Elapsed.TotalSeconds, 1);
            long cells;
            await using (var db = new AnalyticsDbContext(dbOptions)) cells = await db.Figures.LongCountAsync() + await db.Details.LongCountAsync();

            var liveRate = await LiveProjectionAsync(dbOptions, now);

            var today = FactCells.Day(now);
            var year = new Slice(today - 364, today);
            var queries = new Dictionary<string, Func<AnalyticsDbContext, Task>>
            {
                ["agencies, last 90 days"] = db => OversightQueries.TableAsync(db, new Slice(today - 89, today), Dimension.Agency, now, default),
                ["agencies, one year"] = db => OversightQueries.TableAsync(db, year, Dimension.Agency, now, default),
                ["sectors, one year"] = db => OversightQueries.TableAsync(db, year, Dimension.Sector, now, default),
                ["provinces, one year"] = db => OversightQueries.TableAsync(db, year, Dimension.Province, now, default),
                ["one province's kabupaten, one year"] = db => OversightQueries.TableAsync(db, year with { Scope = "35" }, Dimension.Regency, now, default),
                ["summary, all time"] = db => OversightQueries.SummaryAsync(db, new Slice(), default),
                ["daily filed series, one year"] = db => OversightQueries.SeriesAsync(db, year, "filed", weekly: false, default),
            };
            var figures = new Dictionary<string, Latency>();
            foreach (var (name, query) in queries)
            {
                var samples = new List<double>();
                for (var i = 0; i < 40; i++)
                {
                    await using var db = new AnalyticsDbContext(dbOptions);
                    var started = Stopwatch.GetTimestamp();
                    await query(db);
                    if (i >= 5) samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                figures[name] = Latency.Of(samples);
            }

            var database = postgres is null ? "sqlite" : "postgres";
            Console.WriteLine($"Analytics ({database}, {options.Reports:N0} reports, {events:N0} events, {cells:N0} cells): " +
                              $"rebuild {rebuildSeconds} s, live projection {liveRate} events/s");
            foreach (var (name, latency) in figures) Console.WriteLine($"  {name,-36} {latency}");
            return new Result(database, options.Reports, events, writeSeconds, rebuildSeconds, cells, liveRate, figures);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
        }
    }

    /// <summary>2,000 more reports' events projected one event per transaction, as the consumers do.</summary>
    private static async Task<double> LiveProjectionAsync(DbContextOptions<AnalyticsDbContext> options, DateTimeOffset now)
    {
        var stories = Generate(2000, now, new Random(11)).ToList();
        var clock = Stopwatch.StartNew();
        var count = 0;
        foreach (var e in stories.SelectMany(s => s))
        {
            await using var db = new AnalyticsDbContext(options);
            await Projection.ApplyAsync(db, Guid.NewGuid(), e, default);
            await db.SaveChangesAsync();
            count++;
        }
        return Math.Round(count / clock.Elapsed.TotalSeconds);
    }

    private static async Task<long> WriteEventsAsync(DbContextOptions<AnalyticsDbContext> options, int reports, DateTimeOffset now)
    {
        long written = 0;
        var random = new Random(7);
        foreach (var chunk in Generate(reports, now, random).Chunk(2000))
        {
            await using var db = new AnalyticsDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var e in chunk.SelectMany(s => s)) db.Events.Add(EventRecord.From(Guid.NewGuid(), e));
            written += chunk.Sum(s => s.Length);
            await db.SaveChangesAsync();
        }
        return written;
    }

    // Pandemic-era LAPOR! mix: health, social aid, digital finance, education and employment on top.
    private static readonly (Sector Sector, int Weight, string Desk)[] Sectors =
    [
        (Sector.Kesehatan, 22, "dinkes"), (Sector.Bansos, 20, "dinsos"), (Sector.Keuangan, 10, "ojk"), (Sector.Pendidikan, 10, "disdik"),
        (Sector.Ketenagakerjaan, 9, "disnaker"), (Sector.Kependudukan, 7, "disdukcapil"), (Sector.Infrastruktur, 8, "dpupr"),
        (Sector.Lingkungan, 4, "dlh"), (Sector.Perhubungan, 4, "dishub"), (Sector.Utilitas, 4, "pdam"), (Sector.Lainnya, 2, "setda"),
    ];

    private static readonly Channel[] Channels = [Channel.Web, Channel.Web, Channel.Web, Channel.Sms, Channel.Social, Channel.Api, Channel.Open311, Channel.Counter];

    /// <summary>Each report's events in the order its services would publish them, filed over the year before <paramref name="now"/>.</summary>
    private static IEnumerable<IComplaintEvent[]> Generate(int reports, DateTimeOffset now, Random random)
    {
        var regions = Regions.All.Where(r => r.Code.Contains('.')).ToArray();
        var totalWeight = Sectors.Sum(s => s.Weight);
        for (var i = 0; i < reports; i++)
        {
            var id = Guid.NewGuid();
            var tracking = $"LPR-{i:X8}";
            var pick = random.Next(totalWeight);
            var (sector, _, desk) = Sectors.First(s => (pick -= s.Weight) < 0);
            var region = regions[(int)(regions.Length * Math.Pow(random.NextDouble(), 2))]; // some regions much busier
            var roll = random.Next(100);
            var type = roll < 80 ? ReportType.Aduan : roll < 92 ? ReportType.Aspirasi : ReportType.PermintaanInformasi;
            var filed = now.AddMinutes(-random.Next(60 * 24 * 365));
            var agency = random.Next(10) < 3 && sector is Sector.Kesehatan ? "bpjs-kesehatan" : $"{region.Code}.{desk}";
            var events = new List<IComplaintEvent>
            {
                new ComplaintSubmitted(id, tracking, 1, filed, type, "Laporan warga", "Isi laporan warga.", random.Next(3) == 0 ? sector : null,
                    region.Code, Channels[random.Next(Channels.Length)], random.Next(20) == 0, random.Next(10) == 0),
            };
            var at = filed.AddHours(1 + random.NextDouble() * 90);
            if (random.Next(100) < 95 && at < now)
            {
                events.Add(new ComplaintRouted(id, tracking, 3, at, type, sector, region.Code, agency, agency, 0.9, "Laporan warga", "Isi laporan warga.",
                    false, filed, at.AddDays(7), VerificationDueAt: filed.AddDays(3)));
                var answered = at.AddHours(random.NextDouble() < 0.8 ? random.NextDouble() * 160 : 160 + random.NextDouble() * 400);
                if (random.Next(100) < 8) events.Add(new ComplaintForwardRequested(id, tracking, 4, at.AddHours(2), agency, null, "bukan wewenang"));
                if (random.Next(100) < 80 && answered < now)
                {
                    events.Add(new AgencyResponded(id, tracking, 5, answered, agency, agency, "Sedang kami tindak lanjuti.", true));
                    var resolved = answered.AddHours(random.NextDouble() * 240);
                    if (random.Next(100) < 70 && resolved < now)
                    {
                        events.Add(new ComplaintResolved(id, tracking, 6, resolved, agency, agency, "Sudah diperbaiki."));
                        if (random.Next(100) < 25) events.Add(new ComplaintRated(id, tracking, 7, resolved.AddHours(5), random.Next(1, 6), null));
                        if (random.Next(100) < 4) events.Add(new ComplaintReopened(id, tracking, 8, resolved.AddHours(6), "Belum selesai."));
                    }
                }
                else if (at.AddDays(7) < now)
                {
                    events.Add(new SlaBreached(id, tracking, 9, at.AddDays(7), SlaBreached.FollowUp, agency, at.AddDays(7), "verifier"));
                }
            }
            yield return events.ToArray();
        }
    }
}
