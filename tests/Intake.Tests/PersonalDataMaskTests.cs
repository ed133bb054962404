using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

/// <summary>Personal data as citizens really write it, in reports' own words; and the numbers a report needs that must stay.</summary>
public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("NIK saya 3578012345678901 belum terdaftar", "NIK saya [disamarkan] belum terdaftar")]
    [InlineData("no KK 3578.0112.3456.7890 sdh diupdate", "no KK [disamarkan] sdh diupdate")]
    [InlineData("hubungi 0812-3456-7890 ya", "hubungi [disamarkan] ya")]
    [InlineData("WA +62 812 3456 7890.", "WA [disamarkan].")]
    [InlineData("tlp sy 0812.3456.7890 kalau perlu", "tlp sy [disamarkan] kalau perlu")]
    [InlineData("no hp 0812 3456 7890 mohon dihubungi", "no hp [disamarkan] mohon dihubungi")]
    [InlineData("kontak +62-812-3456-7890 (siang)", "kontak [disamarkan] (siang)")]
    [InlineData("telepon kantor (031) 5551234 tidak pernah diangkat", "telepon kantor [disamarkan] tidak pernah diangkat")]
    [InlineData("wa aja 6281234567890", "wa aja [disamarkan]")]
    [InlineData("hub. 081234567", "hub. [disamarkan]")]
    [InlineData("rekening BRI 0123 0100 1234 567", "rekening BRI [disamarkan]")]
    [InlineData("sudah transfer ke BCA 12345678 a/n pak lurah", "sudah transfer ke BCA [disamarkan] a/n pak lurah")]
    [InlineData("no rek mandiri: 1320-0123-4567", "no rek mandiri: [disamarkan]")]
    [InlineData("email budi.santoso@contoh.co.id mohon dibalas", "email [disamarkan] mohon dibalas")]
    [InlineData("kirim ke budi [at] gmail [dot] com", "kirim ke [disamarkan]")]
    [InlineData("email: budi(at)yahoo.co.id", "email: [disamarkan]")]
    [InlineData("surel siti at gmail dot com terima kasih", "surel [disamarkan] terima kasih")]
    [InlineData("NPWP 12.345.678.9-012.345 ditolak", "NPWP [disamarkan] ditolak")]
    [InlineData("paspor saya C1234567 ditahan", "paspor saya [disamarkan] ditahan")]
    [InlineData("paspor no. X 1234567 belum jadi", "paspor no. [disamarkan] belum jadi")]
    [InlineData("truk B 9123 XYZ parkir di trotoar", "truk [disamarkan] parkir di trotoar")]
    [InlineData("mobil dinas plat L1234AB dipakai ke mall", "mobil dinas plat [disamarkan] dipakai ke mall")]
    public void Personal_data_in_the_text_is_masked(string text, string expected) => Assert.Equal(expected, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("RT 05 RW 03, sejak 12 Maret 2024, antre 3 jam")]
    [InlineData("dana Rp 1.500.000.000 belum cair")]
    [InlineData("transfer BRI Rp 150.000 untuk biaya KTP")]
    [InlineData("bantuan dana 600.000 per bulan")]
    [InlineData("nomor antrean 123456789")]
    [InlineData("kejadian tanggal 01-02-2024 jam 08.00 sampai 16.00")]
    [InlineData("SDN 2 Wonokromo kelas 5 B, 40 siswa")]
    [InlineData("Pasal 27 ayat 3 UU No 11 Tahun 2008")]
    [InlineData("Puskesmas Kecamatan Wonokromo di Jl. A. Yani No. 12")]
    public void Ordinary_numbers_stay(string text) => Assert.Equal(text, PersonalDataMask.Apply(text));
}
