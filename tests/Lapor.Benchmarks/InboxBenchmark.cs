using System.Diagnostics;
using System.Security.Claims;
using Lapor.AgencyDesk.Api;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Benchmarks;

/// <summary>
/// Inbox queries on a large desk database (SQLite file; PostgreSQL when LAPOR_BENCH_POSTGRES is a connection
/// string): most reports belong to one busy agency, the rest spread over others. Times the first page, a page
/// deep in the keyset, a filtered page, and a text search, each many times.
/// </summary>
public static class InboxBenchmark
{
    private const string Busy = "35.78.dpupr";

    public sealed record Result(string Database, int Reports, double SeedSeconds, Dictionary<string, Latency> Queries);

    public static async Task<Result> RunAsync(BenchmarkOptions options)
    {
        var postgres = Environment.GetEnvironmentVariable("LAPOR_BENCH_POSTGRES");
        var file = Path.Combine(Path.GetTempPath(), $"lapor-bench-desk-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<DeskDbContext>();
        if (postgres is null) builder.UseSqlite($"Data Source={file}"); else builder.UseNpgsql(postgres);
        var dbOptions = builder.Options;

        try
        {
            var seed = Stopwatch.StartNew();
            await using (var db = new DeskDbContext(dbOptions))
            {
                await db.Database.EnsureDeletedAsync();
                // PostgreSQL gets the production schema, migrations' raw SQL included (the trigram indexes for search).
                if (postgres is null) await db.Database.EnsureCreatedAsync();
                else await db.Database.MigrateAsync();
            }
            await Seed(dbOptions, options.Reports);
            var seedSeconds = Math.Round(seed.Elapsed.TotalSeconds, 1);

            var officer = new Caller("bench", "bench", LaporRoles.Officer, Busy, null);
            var now = DateTimeOffset.UtcNow;
            string? deepCursor = null;
            await using (var db = new DeskDbContext(dbOptions))
            {
                // Walk 50 pages in to find a deep cursor.
                var page = await InboxReader.ReadAsync(db, officer, Query(), now, CancellationToken.None);
                for (var i = 0; i < 50 && page.NextCursor is not null; i++)
                {
                    deepCursor = page.NextCursor;
                    page = await InboxReader.ReadAsync(db, officer, Query() with { Cursor = deepCursor }, now, CancellationToken.None);
                }
            }

            var queries = new Dictionary<string, InboxQuery>
            {
                ["first page by deadline"] = Query(),
                ["page 50 by deadline (keyset)"] = Query() with { Cursor = deepCursor },
                ["first page by date"] = Query() with { Sort = "date" },
                ["overdue, unassigned"] = Query() with { Overdue = true, Assigned = "unassigned" },
                ["text search 'trotoar'"] = Query() with { Q = "trotoar" },
                ["text search, a word no report has"] = Query() with { Q = "suparmin" },
            };
            var figures = new Dictionary<string, Latency>();
            foreach (var (name, query) in queries)
            {
                var samples = new List<double>();
                for (var i = 0; i < 60; i++)
                {
                    await using var db = new DeskDbContext(dbOptions);
                    var started = Stopwatch.GetTimestamp();
                    await InboxReader.ReadAsync(db, officer, query, now, CancellationToken.None);
                    if (i >= 10) samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // first 10 warm up
                }
                figures[name] = Latency.Of(samples);
            }

            var database = postgres is null ? "sqlite" : "postgres";
            Console.WriteLine($"Inbox ({database}, {options.Reports:N0} reports, {options.Reports * 6 / 10:N0} in the busiest agency; seeded in {seedSeconds} s):");
            foreach (var (name, latency) in figures) Console.WriteLine($"  {name,-32} {latency}");
            return new Result(database, options.Reports, seedSeconds, figures);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
        }
    }

    private static InboxQuery Query() => new(null, null, null, null, null, null, null, null, null, 50);

    private static async Task Seed(DbContextOptions<DeskDbContext> options, int reports)
    {
        string[] others = ["35.78.dinkes", "35.78.dlh", "35.78.dishub", "33.10.dpupr", "61.71.pdam"];
        string[] words = ["jalan", "trotoar", "drainase", "jembatan", "lampu", "aspal", "banjir", "got"];
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        const int batch = 5000;
        for (var offset = 0; offset < reports; offset += batch)
        {
            await using var db = new DeskDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(reports, offset + batch); i++)
            {
                var agency = i % 10 < 6 ? Busy : others[i % others.Length];
                var routed = start.AddMinutes(random.Next(0, 60 * 24 * 60));
                var word = words[random.Next(words.Length)];
                db.Complaints.Add(DeskComplaint.Receive(new ComplaintRouted(Guid.NewGuid(), $"LPR-{i:X8}", 3, routed, ReportType.Aduan,
                    Sector.Infrastruktur, "35.78", agency, agency, 0.9, $"Keluhan {word} nomor {i}",
                    $"Warga melaporkan {word} rusak di kelurahan {i % 97}, mohon ditindaklanjuti.", false, routed.AddHours(-2), routed.AddDays(7))));
            }
            await db.SaveChangesAsync();
        }
    }
}
