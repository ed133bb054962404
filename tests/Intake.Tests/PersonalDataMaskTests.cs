using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("NIK saya 3578012345678901 belum terdaftar", "NIK saya [disamarkan] belum terdaftar")]
    [InlineData("hubungi 0812-3456-7890 ya", "hubungi [disamarkan] ya")]
    [InlineData("WA +62 812 3456 7890.", "WA [disamarkan].")]
    [InlineData("rekening BRI 0123 0100 1234 567", "rekening BRI [disamarkan]")]
    [InlineData("email budi.santoso@contoh.co.id mohon dibalas", "email [disamarkan] mohon dibalas")]
    public void Personal_data_in_the_text_is_masked(string text, string expected) => Assert.Equal(expected, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("RT 05 RW 03, sejak 12 Maret 2024, antre 3 jam")]
    [InlineData("dana Rp 1.500.000.000 belum cair")]
    [InlineData("nomor antrean 123456789")]
    public void Ordinary_numbers_stay(string text) => Assert.Equal(text, PersonalDataMask.Apply(text));
}
