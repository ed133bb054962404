using Lapor.AgencyDesk.Domain;

namespace Lapor.AgencyDesk.Tests;

/// <summary>Who at a desk hears about a report, and that each occurrence has one key.</summary>
public sealed class OfficerNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

    private static Officer Known(string id, bool supervisor) => Officer.SignedIn("35.78.dpupr", id, id, supervisor, null, Now);

    [Fact]
    public void The_holder_hears_while_active_else_the_supervisors_else_everyone_the_desk_knows()
    {
        var budi = Known("budi", supervisor: false);
        var sari = Known("sari", supervisor: true);
        var tono = Known("tono", supervisor: true);

        Assert.Equal(["budi"], OfficerNotice.Recipients("budi", [budi, sari, tono]));
        Assert.Equal(["sari", "tono"], OfficerNotice.Recipients(null, [budi, sari, tono]));
        // The holder left (deactivated, so not among the active): the supervisors hear instead.
        Assert.Equal(["sari", "tono"], OfficerNotice.Recipients("rudi", [budi, sari, tono]));
        Assert.Equal(["budi"], OfficerNotice.Recipients(null, [budi]));
        Assert.Empty(OfficerNotice.Recipients(null, []));
    }

    [Fact]
    public void One_occurrence_has_one_key_and_another_occurrence_another()
    {
        var id = Guid.NewGuid();
        OfficerNotice Notice(string officer, NoticeKind kind, string cause) => OfficerNotice.For(id, "LPR-NOTICE01", "Jalan berlubang", "35.78.dpupr", officer, kind, cause, Now);

        Assert.Equal(Notice("budi", NoticeKind.DueSoon, "1").Key, Notice("budi", NoticeKind.DueSoon, "1").Key);
        Assert.NotEqual(Notice("budi", NoticeKind.DueSoon, "1").Key, Notice("budi", NoticeKind.DueSoon, "2").Key);
        Assert.NotEqual(Notice("budi", NoticeKind.DueSoon, "1").Key, Notice("sari", NoticeKind.DueSoon, "1").Key);
        Assert.NotEqual(Notice("budi", NoticeKind.DueSoon, "1").Key, Notice("budi", NoticeKind.Overdue, "1").Key);
        Assert.Contains("LPR-NOTICE01", Notice("budi", NoticeKind.Assigned, "1").Headline);
    }
}
