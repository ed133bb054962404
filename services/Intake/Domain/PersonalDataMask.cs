using System.Text.RegularExpressions;

namespace Lapor.Intake.Domain;

/// <summary>
/// Hides the personal data citizens type into a report before anything of it is shown publicly (feed, search,
/// Open311, portal pages): e-mail addresses, also written out (<c>budi [at] gmail [dot] com</c>); phone numbers
/// however they are grouped (<c>0812.3456.7890</c>, <c>(031) 5551234</c>, <c>+62-812-…</c>); NIK, KK and other
/// runs of ten or more digits; NPWP; passport numbers; account numbers next to a bank or e-wallet; and vehicle
/// plates (they name the vehicle's owner; the agency handling the report still sees them). The agency handling the
/// report sees the original. Amounts (<c>Rp 1.500.000.000</c>), dates, RT/RW and queue numbers stay readable.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Mask = "[disamarkan]";

    public static string Apply(string text)
    {
        text = Email().Replace(text, Mask);
        text = SpelledEmail().Replace(text, Mask);
        text = Npwp().Replace(text, Mask);
        text = Account().Replace(text, MaskAccount);
        text = Phone().Replace(text, m => DigitCount(m.Value) >= 9 ? Mask : m.Value);
        text = Digits().Replace(text, m => IsAmount(m.Value) || DigitCount(m.Value) < 10 ? m.Value : Mask);
        text = Passport().Replace(text, Mask);
        return Plate().Replace(text, Mask);
    }

    /// <summary>Masks the number after a bank's name unless it is an amount (<c>transfer BRI Rp 150.000</c>).</summary>
    private static string MaskAccount(Match match)
    {
        var number = match.Groups["number"];
        var before = match.Value[..(number.Index - match.Index)];
        return IsAmount(number.Value) || before.TrimEnd().EndsWith("Rp", StringComparison.OrdinalIgnoreCase) || before.TrimEnd().EndsWith("Rp.", StringComparison.OrdinalIgnoreCase)
            ? match.Value
            : before + Mask;
    }

    private static int DigitCount(string text) => text.Count(char.IsAsciiDigit);

    /// <summary>Thousands grouped by dots (Indonesian amounts): 1.500.000.</summary>
    private static bool IsAmount(string text) => ThousandsGrouped().IsMatch(text);

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Email();

    // "budi [at] gmail [dot] com", "budi(at)gmail.com", "budi at gmail dot co dot id": only when it ends in a domain.
    [GeneratedRegex(@"[A-Za-z0-9._%+-]+\s*(?:[\[\(\{]\s*(?:at|et|@)\s*[\]\)\}]|\s(?:at|et)\s)\s*[A-Za-z0-9-]+(?:\s*(?:[\[\(\{]\s*(?:dot|titik)\s*[\]\)\}]|\s(?:dot|titik)\s|\.)\s*[A-Za-z0-9-]+)*\s*(?:[\[\(\{]\s*(?:dot|titik)\s*[\]\)\}]|\s(?:dot|titik)\s|\.)\s*(?:com|id|net|org|co|ac|go|sch|info|biz|me|io)\b",
        Options | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex SpelledEmail();

    // NPWP: 12.345.678.9-012.345 (15 digits), however separated.
    [GeneratedRegex(@"(?<!\d)\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d[.\s-]?\d{3}[.\s]?\d{3}(?!\d)", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Npwp();

    // An account or e-wallet number (six digits or more) within a few words after a bank, "rekening" or a wallet's name.
    [GeneratedRegex(@"\b(?:rek(?:ening)?|no\.?\s*rek|norek|bank|bri|bni|bca|mandiri|bsi|btn|cimb|danamon|permata|bjb|va|virtual account|ovo|gopay|shopeepay|linkaja)\b[^\d\n]{0,30}?(?<number>\d(?:[\s.\-]?\d){5,})",
        Options | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Account();

    // A phone number from its prefix (0, 62, +62, 0062, or an area code in brackets), in groups split by spaces, dots,
    // dashes or brackets; counted as one when it has nine digits or more (so dates such as 01.02.2024 stay).
    [GeneratedRegex(@"(?<![\w.])(?:(?:\+|00)\s?62|62|0|\(\s*0\d{1,3}\s*\)|\(\s*\+?62\s*\))(?:[\s.\-()]{0,2}\d){6,13}(?!\d)", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Phone();

    // Other long digit runs (NIK, KK, BPJS card numbers), groups split by single spaces, dashes or dots.
    [GeneratedRegex(@"\+?\d(?:[ .\-]?\d){9,}", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+$", Options)]
    private static partial Regex ThousandsGrouped();

    // An Indonesian passport number: one or two capital letters and seven digits (A1234567, X 1234567).
    [GeneratedRegex(@"\b[A-Z]{1,2}\s?\d{7}\b", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Passport();

    // A vehicle plate: a registration area's letters, one to four digits, one to three letters (B 1234 XYZ, L1234AB).
    [GeneratedRegex(@"\b(?:A|B|D|E|F|G|H|K|L|M|N|P|R|S|T|W|Z|AA|AB|AD|AE|AG|BA|BB|BD|BE|BG|BH|BK|BL|BM|BN|BP|DA|DB|DD|DE|DG|DH|DK|DL|DM|DN|DP|DR|DT|DW|EA|EB|ED|KB|KH|KT|KU|PA|PB)\s?\d{1,4}\s?[A-Z]{1,3}\b",
        Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex Plate();
}
