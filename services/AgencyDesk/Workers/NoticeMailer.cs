using System.Text;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Workers;

/// <summary>
/// Mails officers' notices (<see cref="OfficerNotice"/>) to those who left an address: one mail each, or — for an officer
/// who chose the daily digest — one mail a day at <c>Lapor:Desk:DigestHour</c> (default 7, Western Indonesia time) with
/// everything since the last. A notice is marked mailed once the server took it; one the server refused is tried again
/// later, waiting longer each time. Each notice is leased before it is mailed (an update only one replica can win), so
/// two desk processes never mail the same one; a replica that dies holding a lease leaves its notices to the others once
/// it ends (<c>Lapor:Desk:MailLeaseSeconds</c>, default 300). Runs only where <c>Lapor:Notifications:Smtp:Host</c> is set.
/// </summary>
public sealed class NoticeMailer(IServiceScopeFactory scopes, SmtpMailer mailer, IConfiguration configuration, TimeProvider clock,
    ILogger<NoticeMailer> logger) : BackgroundService
{
    private const int Batch = 50;
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Desk:MailLeaseSeconds", 300)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Desk:MailSeconds", 15))), clock);
        do
        {
            try
            {
                await MailAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Mailing officers' notices failed; trying again shortly.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Mails what is due now: single notices, and the digests whose hour has come; returns how many mails went.</summary>
    public async Task<int> MailAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var now = clock.GetUtcNow();
        var due = await (from notice in db.Notices
                         join officer in db.Officers on new { notice.AgencyId, notice.OfficerId } equals new { officer.AgencyId, officer.OfficerId }
                         where notice.MailedAt == null && officer.Active && officer.Email != null && notice.NextMailAt <= now
                         orderby notice.Id
                         select new { Notice = notice, officer.Email, officer.DailyDigest })
            .Take(Batch * 4)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var single in due.Where(d => !d.DailyDigest).Take(Batch))
            if (await LeaseAsync(db, single.Notice, now, cancellationToken)
                && await TryMailAsync(db, single.Email!, single.Notice.Headline, Body([single.Notice]), [single.Notice], now, cancellationToken,
                    key: $"lapor-notice-{single.Notice.Id}"))
                sent++;

        var local = now.ToOffset(WorkingDays.UtcOffset(null));
        if (local.Hour >= configuration.GetValue("Lapor:Desk:DigestHour", 7))
        {
            var today = new DateTimeOffset(local.Date, local.Offset);
            foreach (var digest in due.Where(d => d.DailyDigest).GroupBy(d => (d.Notice.AgencyId, d.Notice.OfficerId, d.Email)))
            {
                var (agency, officer, email) = digest.Key;
                if (await db.Notices.AnyAsync(n => n.AgencyId == agency && n.OfficerId == officer && n.MailedAt >= today, cancellationToken)) continue;
                var notices = new List<OfficerNotice>();
                foreach (var notice in digest.Select(d => d.Notice))
                    if (await LeaseAsync(db, notice, now, cancellationToken)) notices.Add(notice);
                if (notices.Count > 0 && await TryMailAsync(db, email!, $"Ringkasan harian LAPOR: {notices.Count} pemberitahuan", Body(notices), notices, now, cancellationToken)) sent++;
            }
        }
        return sent;
    }

    /// <summary>Takes the notice for this process while it mails it: false when another replica took it first.</summary>
    private async Task<bool> LeaseAsync(DeskDbContext db, OfficerNotice notice, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.InWriteTurnAsync(() => db.Notices
            .Where(n => n.Id == notice.Id && n.MailedAt == null && n.NextMailAt == notice.NextMailAt)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.NextMailAt, now + _lease), cancellationToken), cancellationToken) == 1;

    /// <summary>
    /// Mails the notices and records the outcome at once, each mail on its own: a process killed mid-batch resends at
    /// most the one mail it had sent and not yet recorded (under the same Message-Id), not the whole batch.
    /// </summary>
    private async Task<bool> TryMailAsync(DeskDbContext db, string address, string subject, string body, IReadOnlyList<OfficerNotice> notices,
        DateTimeOffset now, CancellationToken cancellationToken, string? key = null)
    {
        bool mailed;
        try
        {
            await mailer.SendAsync(address, subject, body, cancellationToken, key);
            foreach (var notice in notices) notice.Mailed(now);
            mailed = true;
        }
        catch (MailNotSentException e)
        {
            logger.LogWarning("A notice mail was not taken ({Reason}); it is tried again later.", e.Message);
            foreach (var notice in notices) notice.MailFailed(now, SmtpMailer.RetryDelay);
            mailed = false;
        }
        await db.SaveChangesAsync(cancellationToken);
        return mailed;
    }

    /// <summary>What the mail says: each notice's headline and the report's title; nothing about the reporter.</summary>
    private static string Body(IEnumerable<OfficerNotice> notices)
    {
        var body = new StringBuilder();
        foreach (var notice in notices)
            body.Append("- ").Append(notice.Headline).Append(": ").AppendLine(notice.Title);
        body.AppendLine().Append("Buka kotak masuk instansi di portal LAPOR untuk menindaklanjuti.");
        return body.ToString();
    }
}
