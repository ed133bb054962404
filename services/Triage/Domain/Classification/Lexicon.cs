namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Public-service vocabulary that names a sector or a responsible body: the explicit rules the classifier
/// combines with what it learns. A phrase found in a report adds a cue feature (<c>cue:kesehatan</c>,
/// <c>cue:nas.pln</c>, <c>cue:provinsi</c>), whose weight the model learns from the labelled reports. Phrases
/// are general domain terms, not wording from any one data set, and are normalised like report text.
/// </summary>
public static class Lexicon
{
    /// <summary>Words that make a report a matter of national policy rather than local service delivery.</summary>
    public const string National = "nasional";

    /// <summary>
    /// Prefix of the cues for what a sector's regional office itself handles, where a nationwide operator serves the
    /// rest of the sector (<c>cue:remit.keuangan</c>: local taxes, not banks; <c>cue:remit.utilitas</c>: piped water, not electricity).
    /// </summary>
    public const string RegionalRemit = "remit.";

    /// <summary>Marks a cue feature (<c>cue:kesehatan</c>).</summary>
    public const string CuePrefix = "cue:";

    private static readonly Dictionary<string, string[]> Cues = new()
    {
        ["kesehatan"] = ["puskesmas", "pustu", "posyandu", "rumah sakit", "rsud", "dokter", "bidan", "perawat", "obat", "vaksin", "imunisasi", "bpjs kesehatan",
            "jkn", "kis", "faskes", "igd", "pasien", "rawat inap", "stunting", "gizi", "dbd", "demam berdarah", "fogging", "apotek", "klinik", "ambulans", "kesehatan", "dinkes", "berobat", "sakit"],
        ["bansos"] = ["bansos", "bantuan sosial", "pkh", "bpnt", "blt", "sembako", "kks", "dtks", "dtsen", "cek bansos", "penerima bantuan", "keluarga sejahtera",
            "bantuan pangan", "beras bantuan", "miskin", "kemiskinan", "dinsos", "dinas sosial", "kemensos", "terlantar", "bantuan langsung tunai"],
        ["pendidikan"] = ["sekolah", "guru", "murid", "siswa", "sd", "smp", "sma", "smk", "slb", "paud", "tk", "kampus", "universitas", "mahasiswa", "ukt", "kip kuliah",
            "pip", "beasiswa", "ijazah", "ppdb", "spmb", "zonasi", "kurikulum", "dana bos", "seragam", "rapor", "wisuda", "pendidikan", "disdik", "dispendik", "perguruan tinggi", "dosen", "pelajar"],
        ["ketenagakerjaan"] = ["gaji", "upah", "thr", "phk", "pesangon", "buruh", "karyawan", "pekerja", "bpjs ketenagakerjaan", "jht", "jkk", "jkm", "bpjamsostek",
            "prakerja", "pekerja migran", "pmi", "tki", "tkw", "lowongan", "outsourcing", "alih daya", "pkwt", "kontrak kerja", "ump", "umk", "lembur", "disnaker", "kemnaker", "bsu", "pecat", "dipecat"],
        ["kependudukan"] = ["ktp", "ktp el", "e ktp", "kk", "kartu keluarga", "akta", "akta kelahiran", "akta kematian", "kia", "nik", "dukcapil", "disdukcapil",
            "dispendukcapil", "blangko", "pindah domisili", "surat pindah", "adminduk", "rekam ktp", "perekaman"],
        ["infrastruktur"] = ["jalan rusak", "berlubang", "lubang", "aspal", "jembatan", "drainase", "got", "saluran", "banjir", "genangan", "trotoar", "lampu jalan", "pju",
            "tanggul", "irigasi", "gorong gorong", "pupr", "dpupr", "bina marga", "perbaikan jalan", "jalan tol", "jalan nasional", "jalan provinsi", "jalan kabupaten", "longsor"],
        ["lingkungan"] = ["sampah", "tps", "tpa", "tpas", "limbah", "pencemaran", "cemar", "tercemar", "polusi", "asap", "pembakaran", "bakar", "debu", "pohon",
            "penghijauan", "taman kota", "bank sampah", "plastik", "lingkungan hidup", "dlh", "tambang", "galian", "lindi", "hutan", "bau busuk"],
        ["perhubungan"] = ["angkot", "angkutan umum", "angkutan", "bus", "terminal", "parkir", "juru parkir", "jukir", "lampu lalu lintas", "traffic light", "rambu",
            "uji kir", "kir", "ojek", "ojek online", "taksi", "kapal", "pelabuhan", "dishub", "kemenhub", "transjakarta", "brt", "halte", "trayek", "kereta", "stasiun",
            "lalu lintas", "muatan", "aplikator", "penyeberangan", "angkudes"],
        ["keuangan"] = ["pinjaman online", "ojk", "bank", "rekening", "kartu kredit", "leasing", "debt collector", "asuransi", "investasi", "bodong", "paylater",
            "kredit", "kur", "slik", "e wallet", "dompet digital", "pajak", "pbb", "bphtb", "pajak daerah", "retribusi", "bapenda", "reklame", "saldo", "tabungan", "sppt", "njop"],
        ["utilitas"] = ["listrik", "pln", "token", "pemadaman", "padam", "meteran", "kwh", "tiang listrik", "kabel listrik", "pdam", "pam", "air bersih", "air mati",
            "air keruh", "pipa", "sambungan air", "tagihan air", "tagihan listrik", "pasang baru", "daya listrik", "va", "genset"],
        ["lainnya"] = ["polisi", "polantas", "tilang", "imigrasi", "paspor", "kua", "nikah", "penghulu", "sertifikat tanah", "bpn", "pertanahan", "kades", "kepala desa",
            "dana desa", "apbdes", "judi", "narkoba", "karaoke", "hiburan malam", "anjing liar", "sinyal", "internet", "tower", "terima kasih", "tes", "ormas", "preman"],

        [National] = ["nasional", "pusat", "kementerian", "menteri", "seluruh indonesia", "semua daerah", "secara nasional", "pemerintah pusat", "regulasi", "aturan"],
        ["nas.bpjs-kesehatan"] = ["bpjs kesehatan", "jkn", "kis", "mobile jkn", "iuran bpjs", "pbi", "kartu bpjs", "autodebet", "pindah faskes"],
        ["nas.bpjs-ketenagakerjaan"] = ["bpjs ketenagakerjaan", "bpjamsostek", "jht", "jkk", "jkm", "jaminan hari tua", "jaminan pensiun"],
        ["nas.prakerja"] = ["prakerja", "kartu prakerja"],
        ["nas.bp2mi"] = ["pekerja migran", "pmi", "tki", "tkw", "malaysia", "arab saudi", "hongkong", "hong kong", "taiwan", "penyalur", "luar negeri", "majikan"],
        ["nas.kemdiktisaintek"] = ["ukt", "kip kuliah", "kampus", "universitas", "mahasiswa", "perguruan tinggi", "ptn", "pts", "dosen", "skripsi", "kuliah"],
        ["nas.kemendikdasmen"] = ["kurikulum", "asesmen nasional", "kemendikdasmen", "kementerian pendidikan", "menteri pendidikan", "pip", "program indonesia pintar"],
        ["nas.kemenkes"] = ["kemenkes", "kementerian kesehatan", "menteri kesehatan", "rumah sakit vertikal", "stok vaksin", "obat nasional"],
        ["nas.kemensos"] = ["kemensos", "kementerian sosial", "menteri sosial", "aplikasi cek bansos", "kriteria penerima", "dtks pusat"],
        ["nas.kemnaker"] = ["kemnaker", "kementerian ketenagakerjaan", "bsu", "subsidi upah", "siapkerja", "karirhub"],
        ["nas.dukcapil"] = ["ditjen dukcapil", "dukcapil pusat", "kemendagri", "nik ganda", "data ganda", "sistem dukcapil"],
        ["nas.pu"] = ["jalan nasional", "jalan tol", "tol", "bendungan", "balai besar", "jembatan nasional", "pantura", "kementerian pu"],
        ["nas.klh"] = ["kementerian lingkungan hidup", "klh", "secara nasional", "pemerintah pusat"],
        ["nas.kemenhub"] = ["kemenhub", "kementerian perhubungan", "aplikator", "pelabuhan", "penyeberangan", "kereta api", "bandara", "asdp", "kapal"],
        ["nas.ojk"] = ["ojk", "pinjaman online", "bank", "leasing", "asuransi", "kartu kredit", "investasi", "paylater", "e wallet", "debt collector", "slik", "kur", "rekening"],
        ["nas.pln"] = ["pln", "listrik", "token", "pemadaman", "tiang listrik", "meteran listrik", "kwh", "padam"],
        [RegionalRemit + "keuangan"] = ["pbb", "bphtb", "pajak daerah", "retribusi", "bapenda", "reklame", "sppt", "njop", "pajak kendaraan", "samsat",
            "pajak hotel", "pajak restoran", "pajak parkir", "pajak bumi"],
        [RegionalRemit + "utilitas"] = ["pdam", "pam", "air bersih", "air mati", "air keruh", "air pdam", "sambungan air", "tagihan air", "pipa", "perumda air"],
        [Routes.Province] = ["sma", "smk", "slb", "jalan provinsi", "rsud provinsi", "ump", "upah minimum provinsi", "akdp", "antarkota", "trans jatim", "transjakarta",
            "trans jateng", "brt", "gubernur", "provinsi", "pengawas ketenagakerjaan", "disnakertrans", "pemerintah provinsi", "jawa timur", "jawa tengah", "kalimantan barat", "sumatera selatan"],
        [Routes.Local] = ["puskesmas", "posyandu", "sd", "smp", "paud", "tk", "kelurahan", "kecamatan", "rt", "rw", "desa", "kk", "ktp", "pdam", "pbb", "bphtb",
            "parkir", "angkot", "sampah", "tps", "drainase", "bupati", "walikota", "wali kota", "pemerintah kota", "pemerintah kabupaten", "perumahan", "kampung", "pasar"],
    };

    private static readonly (string Phrase, string Cue)[] Phrases = Cues
        .SelectMany(c => c.Value.Select(p => (Phrase: string.Join(' ', TextNormalizer.Words(p)), Cue: CuePrefix + c.Key)))
        .Where(p => p.Phrase.Length > 0)
        .ToArray();

    private static readonly PhraseIndex<int> Index = new(Phrases.Select((p, i) => (p.Phrase, i)));

    /// <summary>The cue features for a report's normalised words, in the lexicon's order.</summary>
    public static IEnumerable<string> Find(IReadOnlyList<string> words)
    {
        var matched = Index.Find(string.Join(' ', words));
        matched.Sort();
        return matched.Select(i => Phrases[i].Cue).Distinct();
    }
}
