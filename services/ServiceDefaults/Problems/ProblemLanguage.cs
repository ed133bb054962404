using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Lapor.ServiceDefaults.Problems;

/// <summary>
/// Problem details in the caller's language: Bahasa Indonesia unless the request prefers English
/// (<c>Accept-Language: en</c>). Messages are written in English where they are raised; this table says them in
/// Indonesian, pattern by pattern, keeping the values they carry. A message the table does not know stays English.
/// </summary>
public static partial class ProblemLanguage
{
    private static readonly (Regex English, string Indonesian)[] Phrases =
    [
        (Exact("One or more fields are invalid."), "Ada isian yang tidak valid."),
        (Exact("One or more validation errors occurred."), "Ada isian yang tidak valid."),
        (Exact("Not found"), "Tidak ditemukan"),
        (Exact("Conflict"), "Konflik"),
        (Exact("Bad request"), "Permintaan tidak valid"),
        (Exact("Too many requests"), "Terlalu banyak permintaan"),
        (Exact("Unsupported media type"), "Jenis isi tidak didukung"),
        (Exact("The action cannot be taken with this content."), "Tindakan tidak dapat dilakukan dengan isi ini."),
        (Exact("Required."), "Wajib diisi."),
        (Exact("Required: aduan, aspirasi or permintaan_informasi."), "Wajib diisi: aduan, aspirasi atau permintaan_informasi."),
        (Pattern(@"Must be between (\d+) and (\d+) characters \(was (\d+)\)\."), "Harus $1 sampai $2 karakter (sekarang $3)."),
        (Exact("Must not contain control characters."), "Tidak boleh berisi karakter kontrol."),
        (Pattern(@"Unknown region code '(.*)'\."), "Kode wilayah '$1' tidak dikenal."),
        (Pattern(@"Unknown sector '(.*)'\."), "Sektor '$1' tidak dikenal."),
        (Pattern(@"Unknown status '(.*)'\."), "Status '$1' tidak dikenal."),
        (Exact("Not a valid e-mail address."), "Alamat e-mail tidak valid."),
        (Exact("2 to 100 characters, no control characters."), "2 sampai 100 karakter, tanpa karakter kontrol."),
        (Exact("An Indonesian number: 08… or +628…, 10 to 15 digits."), "Nomor Indonesia: 08… atau +628…, 10 sampai 15 angka."),
        (Exact("Cannot be in the future."), "Tidak boleh tanggal yang akan datang."),
        (Pattern(@"Must lie in Indonesia \((.+) to (.+)\)\."), "Harus di wilayah Indonesia ($1 sampai $2)."),
        (Exact("Give both latitude and longitude, or neither."), "Isi lintang dan bujur sekaligus, atau kosongkan keduanya."),
        (Pattern(@"At most (\d+) characters, no control characters\."), "Paling banyak $1 karakter, tanpa karakter kontrol."),
        (Pattern(@"At most (\d+) characters\."), "Paling banyak $1 karakter."),
        (Pattern(@"(\d+) to (\d+)\."), "$1 sampai $2."),
        (Exact("A JSON request body is required."), "Isi permintaan (JSON) wajib ada."),
        (Exact("The value is not valid JSON of the expected type."), "Nilainya bukan JSON dengan jenis yang diharapkan."),
        (Exact("Send JSON encoded as UTF-8."), "Kirim JSON dengan pengodean UTF-8."),
        (Pattern(@"Too many requests\. Try again in (\d+) seconds\."), "Terlalu banyak permintaan. Coba lagi dalam $1 detik."),
        (Exact("Not a cursor this feed gave out."), "Bukan penanda halaman dari daftar ini."),
        (Exact("5 to 4,000 characters, no control characters."), "5 sampai 4.000 karakter, tanpa karakter kontrol."),
        (Exact("A whole number from 1 to 5 (comment at most 1,000 characters)."), "Bilangan bulat 1 sampai 5 (komentar paling banyak 1.000 karakter)."),
        (Exact("Say why you are not satisfied, 10 to 2,000 characters."), "Sebutkan mengapa Anda belum puas, 10 sampai 2.000 karakter."),
        (Exact("Attach at least one file (form field 'attachments')."), "Lampirkan setidaknya satu berkas (isian 'attachments')."),
        (Pattern(@"At most (\d+) attachments per report; this one has (\d+)\."), "Paling banyak $1 lampiran per laporan; laporan ini sudah punya $2."),
        (Pattern(@"(.+) is larger than 5 MB\."), "$1 lebih besar dari 5 MB."),
        (Pattern(@"(.+) is empty\."), "$1 kosong."),
        (Pattern(@"(.+) is not a JPEG, PNG or PDF file \(its content was checked, not its name\)\."), "$1 bukan berkas JPEG, PNG atau PDF (yang diperiksa isinya, bukan namanya)."),
        (Exact("The report is closed; file a new report instead."), "Laporan sudah ditutup; silakan kirim laporan baru."),
        (Exact("A report can be rated once the agency has answered."), "Laporan dapat dinilai setelah instansi menanggapi."),
        (Exact("Only a resolved report can be reopened."), "Hanya laporan yang sudah selesai yang dapat dibuka kembali."),
        (Exact("The time to say you are not satisfied has passed."), "Batas waktu untuk menyatakan belum puas sudah lewat."),
        (Exact("This Idempotency-Key was used for a different report. Use a new key for a new report."),
            "Idempotency-Key ini sudah dipakai untuk laporan lain. Gunakan kunci baru untuk laporan baru."),
        (Exact("Someone else changed this report at the same time. Reload and try again."),
            "Laporan ini baru saja diubah orang lain. Muat ulang lalu coba lagi."),
        (Exact("Too many wrong access codes. Try again later."), "Terlalu banyak kode akses yang salah. Coba lagi nanti."),
        (Exact("This report has had as many anonymous supports from your network today as Lapor counts. Sign in to support it."),
            "Dukungan tanpa masuk dari jaringan Anda untuk laporan ini sudah mencapai batas hari ini. Masuk untuk mendukungnya."),
        (Exact("This report has been rated."), "Laporan ini sudah dinilai."),
        (Exact("A resolution says what was done: the action taken, its date or its result. Saying the report was received, passed on or will be processed does not close it."),
            "Penyelesaian harus menyebut apa yang dilakukan: tindakan yang diambil, tanggalnya, atau hasilnya. Menyebut laporan sudah diterima, diteruskan, atau akan diproses tidak menutup laporan."),
    ];

    /// <summary>True when the first language the request accepts is English.</summary>
    public static bool PrefersEnglish(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages)
        && languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault() is { } first
        && first.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>A message in Bahasa Indonesia, or unchanged when the table does not know it.</summary>
    public static string Indonesian(string english)
    {
        foreach (var (pattern, indonesian) in Phrases)
            if (pattern.IsMatch(english)) return pattern.Replace(english, indonesian);
        return english;
    }

    /// <summary>Says the problem (title, detail, each field's messages) in the request's language.</summary>
    public static void Localize(ProblemDetails problem, HttpRequest request)
    {
        if (PrefersEnglish(request)) return;
        if (problem.Title is { } title) problem.Title = Indonesian(title);
        if (problem.Detail is { } detail) problem.Detail = Indonesian(detail);
        if (problem is HttpValidationProblemDetails validation)
            foreach (var field in validation.Errors.Keys.ToList())
                validation.Errors[field] = [.. validation.Errors[field].Select(Indonesian)];
    }

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$", RegexOptions.CultureInvariant);

    private static Regex Pattern(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant);
}
