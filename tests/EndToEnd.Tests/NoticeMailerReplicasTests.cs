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
/// Two desk replicas mailing an officer's notice at the same moment, on one (SQLite) desk database and a real SMTP
/// server: the one that read the notice second must not mail it, because the first leased it.
/// </summary>
public sealed class NoticeMailerReplicasTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-mailer-{Guid.NewGuid():N}.db");
    private readonly SmtpSink _smtp = new();

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
        var now = TimeProvider.System.GetUtcNow();
        db.Officers.Add(Officer.SignedIn("35.78.dpupr", "supervisor:35.78.dpupr:Penyelia", "Penyelia", supervisor: true, "penyelia@dinas-pu.test", now));
        db.Notices.Add(OfficerNotice.For(Guid.NewGuid(), "LPR-MAIL0001", "Jalan berlubang", "35.78.dpupr", "supervisor:35.78.dpupr:Penyelia",
            NoticeKind.NewReport, "1", now));
        await db.SaveChangesAsync();
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

    private NoticeMailer Mailer(IInterceptor? interceptor = null)
    {
        var services = new ServiceCollection().AddScoped(_ => Context(interceptor)).BuildServiceProvider();
        var settings = new Dictionary<string, string>();
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
