using System.Text.RegularExpressions;

namespace Lapor.Intake.Domain;

/// <summary>
/// Hides personal data citizens type into a report's text before it is shown publicly: e-mail addresses, and
/// any run of ten or more digits (NIK population numbers, phone numbers, bank accounts), single spaces and
/// dashes between digit groups included. The agency handling the report still sees the original.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Mask = "[disamarkan]";

    public static string Apply(string text) => Digits().Replace(Email().Replace(text, Mask), Mask);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Email();

    // A leading + (country code) and 10+ digits, optionally separated by single spaces or dashes (not dots,
    // so that amounts like "Rp 1.500.000.000" stay readable).
    [GeneratedRegex(@"\+?\d(?:[ \-]?\d){9,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Digits();
}
