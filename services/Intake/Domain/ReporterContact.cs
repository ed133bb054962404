using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Lapor.Intake.Domain;

/// <summary>
/// How Lapor can reach a reporter. Stored only in Intake, encrypted (<see cref="ReporterVault"/>); never in an
/// event, another service's database or a log. Agencies reach the reporter only through Lapor.
/// </summary>
public sealed partial record ReporterContact(string? Name, string? Email, string? Phone)
{
    public bool IsEmpty => Name is null && Email is null && Phone is null;

    public static Dictionary<string, string[]> Validate(string? name, string? email, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (name is not null && (name.Trim().Length is < 2 or > 100 || name.Any(char.IsControl)))
            errors["contact.name"] = ["2 to 100 characters, no control characters."];
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim() || !email.Contains('.')))
            errors["contact.email"] = ["Not a valid e-mail address."];
        if (phone is not null && !PhonePattern().IsMatch(phone.Replace(" ", "").Replace("-", "")))
            errors["contact.phone"] = ["An Indonesian number: 08… or +628…, 10 to 15 digits."];
        return errors;
    }

    [GeneratedRegex(@"^(\+62|62|0)8[0-9]{7,12}$")]
    private static partial Regex PhonePattern();
}
