using System.Net;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.Intake.Api;

/// <summary>
/// Limits wrong access-code guesses (<c>Lapor:RateLimits</c>): <c>WrongAccessCodesPerReport</c> (10) per tracking id and
/// <c>WrongAccessCodesPerAddress</c> (50) per client address, each per 15 minutes. Past either, the id or the address
/// is answered 429 until the window ends, whether the next code is right or not, and whether the tracking id exists or
/// not, so the limit is no oracle.
/// </summary>
public sealed class AccessCodeGuard(IConfiguration configuration, TimeProvider clock)
{
    private readonly int _perReport = configuration.GetValue("Lapor:RateLimits:WrongAccessCodesPerReport", 10);
    private readonly int _perAddress = configuration.GetValue("Lapor:RateLimits:WrongAccessCodesPerAddress", 50);
    private readonly FixedWindowCounter _wrong = new(TimeSpan.FromMinutes(15), clock);

    /// <summary>Throws <see cref="TooManyAttemptsException"/> when the tracking id or the address has guessed wrong too often.</summary>
    public void ThrowIfBlocked(string trackingId, IPAddress? address)
    {
        foreach (var (key, limit) in Keys(trackingId, address))
            if (_wrong.Blocked(key, limit) is { } wait)
                throw new TooManyAttemptsException("Too many wrong access codes. Try again later.", wait);
    }

    public void Wrong(string trackingId, IPAddress? address)
    {
        foreach (var (key, _) in Keys(trackingId, address)) _wrong.Add(key);
    }

    private IEnumerable<(string Key, int Limit)> Keys(string trackingId, IPAddress? address) =>
        [(FixedWindowCounter.ReportKey(trackingId), _perReport), (FixedWindowCounter.AddressKey(address), _perAddress)];
}
