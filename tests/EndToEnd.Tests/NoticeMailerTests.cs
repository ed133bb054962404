using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.AgencyDesk.Workers;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// The desk's mailing of officers' notices on a real (SQLite) desk database and a real SMTP server: one mail per notice,
/// a daily digest once a day, nothing for an officer without an address or no longer active, and — with two desk
/// replicas mailing at the same moment — nothing twice.
/// </summary>
public sealed class NoticeMailerTests : IAsyncLifetime
{
    private const string Agency = "35.78.dpupr";
    private const string Supervisor = "supervisor:35.78.dpupr:Penyelia";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-mailer-{Guid.NewGuid():N}.db");
    private readonly SmtpSink _smtp = new();

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
        db.Officers.Add(Officer.SignedIn(Agency, Supervisor, "Penyelia", supervisor: true, "penyelia@dinas-pu.test", TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync();
        await NoticeAsync(Supervisor, "LPR-MAIL0001");
    }

    private async Task NoticeAsync(string officer, string trackingId)
    {
        await using var db = Context();
        db.Notices.Add(OfficerNotice.For(Guid.NewGuid(), trackingId, "Jalan berlubang", Agency, officer, NoticeKind.NewReport, "1",
            TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_officer_who_chose_the_digest_gets_one_mail_a_day_with_every_notice()
    {
        await using (var db = Context())
        {
            (await db.Officers.SingleAsync()).SetMail("penyelia@dinas-pu.test", dailyDigest: true);
            await db.SaveChangesAsync();
        }
        await NoticeAsync(Supervisor, "LPR-MAIL0002");

        Assert.Equal(1, await Mailer(digestHour: 0).MailAsync(CancellationToken.None));
        var digest = Assert.Single(_smtp.Messages);
        Assert.Contains("LPR-MAIL0001", digest.Body);
        Assert.Contains("LPR-MAIL0002", digest.Body);

        await NoticeAsync(Supervisor, "LPR-MAIL0003"); // later the same day: it waits for tomorrow's digest
        Assert.Equal(0, await Mailer(digestHour: 0).MailAsync(CancellationToken.None));
        Assert.Single(_smtp.Messages);
    }

    [Fact]
    public async Task Notices_of_an_officer_without_an_address_or_no_longer_active_are_not_mailed()
    {
        await using (var db = Context())
        {
            db.Officers.Add(Officer.Added(Agency, "officer:35.78.dpupr:Budi", "Budi", Supervisor, TimeProvider.System.GetUtcNow()));
            (await db.Officers.SingleAsync(o => o.OfficerId == Supervisor)).Set(active: false, "Penyelia", Supervisor);
            await db.SaveChangesAsync();
        }
        await NoticeAsync("officer:35.78.dpupr:Budi", "LPR-MAIL0002");

        Assert.Equal(0, await Mailer().MailAsync(CancellationToken.None));
        Assert.Empty(_smtp.Messages);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_notice_two_replicas_found_at_once_is_mailed_once()
    {
        var pause = new PauseAfterFirstQuery();
        var late = Mailer(pause).MailAsync(CancellationToken.None);
        await pause.Read.Task; // the second replica has the unmailed notice in hand
        Assert.Equal(1, await Mailer().MailAsync(CancellationToken.None));
        pause.Resume.SetResult();

        Assert.Equal(0, await late);
        Assert.Single(_smtp.Messages);
        await using var db = Context();
        Assert.NotNull((await db.Notices.SingleAsync()).MailedAt);
    }

    private DeskDbContext Context(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<DeskDbContext>().UseSqlite($"Data Source={_file}");
        if (interceptor is not null) options.AddInterceptors(interceptor);
        return new DeskDbContext(options.Options);
    }

    private NoticeMailer Mailer(IInterceptor? interceptor = null, int digestHour = 7)
    {
        var services = new ServiceCollection().AddScoped(_ => Context(interceptor)).BuildServiceProvider();
        var settings = new Dictionary<string, string> { ["Lapor:Desk:DigestHour"] = digestHour.ToString() };
        _smtp.ReceiveFrom(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build();
        return new NoticeMailer(services.GetRequiredService<IServiceScopeFactory>(), new SmtpMailer(SmtpSettings.Read(configuration)!), configuration,
            TimeProvider.System, NullLogger<NoticeMailer>.Instance);
    }

    /// <summary>Holds a context after its first query has been read, until the test lets it go on.</summary>
    private sealed class PauseAfterFirstQuery : DbCommandInterceptor
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(System.Data.Common.DbCommand command, DataReaderClosingEventData eventData,
            InterceptionResult result)
        {
            if (Read.TrySetResult()) await Resume.Task;
            return result;
        }
    }
}
