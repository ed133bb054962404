using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Tests;

public sealed class ReportFormTests
{
    private static HashSet<string> Form(string title, string text) => [.. ReportForm.Find(ReportWords.Read(title, text), title, text)];

    [Fact]
    public void A_question_sentence_yields_its_question_words_and_its_opening()
    {
        var form = Form("Tarif parkir resmi", "Berapa tarif parkir resmi motor di tepi jalan? Di tempat lain Rp 2.000.");
        Assert.Contains("form:ask", form);
        Assert.Contains("form:ask:berapa", form);
        Assert.Contains("form:lead:berapa", form);
    }

    [Fact]
    public void Regional_question_words_count_as_the_standard_ones()
    {
        var form = Form("Syarat daftar PKH", "Mau nanyo, syarat daftar PKH apo bae?");
        Assert.Contains("form:title:syarat", form);
        Assert.Contains("form:lead:mau", form);
        Assert.Contains("form:ask:apa", form);
    }

    [Fact]
    public void Asking_for_something_new_is_a_proposal_only()
    {
        var form = Form("Bayar PBB pakai QRIS", "Mohon Bapenda Banyuwangi sediakan pembayaran PBB lewat QRIS.");
        Assert.Contains("form:propose-only", form);
        Assert.DoesNotContain("form:remedy", form);
        Assert.DoesNotContain("form:ask", form);
    }

    [Fact]
    public void Asking_for_a_repair_is_a_remedy_even_across_an_abbreviation_point()
    {
        var form = Form("Jalan berlubang", "Jalan di Jl. Ahmad Yani berlubang, mohon segera diperbaiki.");
        Assert.Contains("form:remedy", form);
        Assert.DoesNotContain("form:propose", form);
    }

    [Fact]
    public void A_plain_statement_says_only_whether_its_title_names_a_failure()
    {
        Assert.Equal(["form:title:calm"], Form("Lampu jalan", "Lampu jalan di depan rumah padam kemarin malam."));
        Assert.Equal(["form:title:failure"], Form("Lampu jalan padam", "Lampu jalan di depan rumah padam kemarin malam."));
    }

    [Fact]
    public void A_lasting_failure_told_with_several_failure_words_is_marked()
    {
        var form = Form("Air PDAM mati", "Air PDAM mati sudah 3 minggu, tagihan tetap datang dan petugas tidak datang.");
        Assert.Contains("form:failures", form);
        Assert.Contains("form:lasting", form);
        Assert.DoesNotContain("form:many-failures", form);
    }

    [Fact]
    public void A_title_that_is_itself_a_proposal_is_marked() =>
        Assert.Contains("form:title:propose", Form("Bangun SMA negeri di kecamatan pinggiran", "Anak-anak harus sekolah jauh ke kota."));

    [Fact]
    public void A_question_asked_at_once_is_early_and_one_after_the_story_is_late()
    {
        Assert.Contains("form:ask:early", Form("Syarat daftar PKH", "Apa saja syarat daftar PKH? Anak saya tiga."));
        var late = Form("Kartu BPJS nonaktif", "Gaji dipotong iuran. Perusahaan menunggak. Kami tidak bisa berobat. Bagaimana ini?");
        Assert.Contains("form:ask:late", late);
        Assert.DoesNotContain("form:ask:early", late);
    }

    [Fact]
    public void A_request_for_a_whole_system_has_scope_and_a_single_case_has_none()
    {
        Assert.Contains("form:scope", Form("Posyandu lansia", "Mohon Dinas Kesehatan membuka posyandu lansia di setiap kelurahan."));
        Assert.Contains("form:scope", Form("Pengawasan harga gas", "Mohon pengawasan harga gas melon dilakukan secara nasional."));
        Assert.DoesNotContain("form:scope", Form("Lampu jalan mati", "Lampu jalan di depan rumah saya mati, mohon diganti."));
    }

    [Fact]
    public void Asking_for_more_than_a_mend_is_not_only()
    {
        Assert.Contains("form:not-only", Form("Saluran air", "Perbaikan saluran jangan hanya di pusat kota, kampung pinggiran juga banjir."));
        Assert.DoesNotContain("form:not-only", Form("Saluran air", "Saluran di kampung kami mampet, jangan dibiarkan."));
    }

    [Fact]
    public void A_request_followed_by_what_it_is_for_has_a_purpose_but_mohon_agar_alone_does_not()
    {
        Assert.Contains("form:purpose", Form("Jam buka perpustakaan", "Mohon jam buka perpustakaan daerah diperpanjang sampai malam supaya pelajar bisa belajar."));
        Assert.DoesNotContain("form:purpose", Form("Jalan rusak", "Jalan desa rusak berat. Mohon agar segera diperbaiki."));
    }
}
