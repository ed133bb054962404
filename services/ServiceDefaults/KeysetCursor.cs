using System.Text;

namespace Lapor.ServiceDefaults;

/// <summary>
/// Where the next page of a keyset-paged list starts: the sort key (a time) and the tracking id of the last item
/// shown, as an opaque URL-safe token. A token that was not made here decodes to null.
/// </summary>
public sealed record KeysetCursor(DateTimeOffset At, string TrackingId)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{At.UtcTicks}|{TrackingId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static KeysetCursor? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4))).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
