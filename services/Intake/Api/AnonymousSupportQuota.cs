using System.Net;
using System.Net.Sockets;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.Intake.Api;

/// <summary>
/// What an anonymous web can promise about <i>dukung</i>: a signed-in citizen supports a report once per account; an
/// anonymous supporter's device id is theirs to change, so anonymous supports of one report are limited per network
/// (the client address's /24 for IPv4, /64 for IPv6) to <c>Lapor:Supports:AnonymousPerNetworkPerDay</c> (5) a day.
/// Networks are counted in memory and never stored.
/// </summary>
public sealed class AnonymousSupportQuota(IConfiguration configuration, TimeProvider clock)
{
    private readonly int _perNetwork = configuration.GetValue("Lapor:Supports:AnonymousPerNetworkPerDay", 5);
    private readonly FixedWindowCounter _supports = new(TimeSpan.FromDays(1), clock);

    /// <summary>Counts one anonymous support of the report from the address's network, or throws when the day's are spent.</summary>
    public void Take(Guid complaintId, IPAddress? address)
    {
        if (_supports.TryAdd(Key(complaintId, address), _perNetwork) is { } wait)
            throw new TooManyAttemptsException("This report has had as many anonymous supports from your network today as Lapor counts. Sign in to support it.", wait);
    }

    private static string Key(Guid complaintId, IPAddress? address) => $"{complaintId:N}|{Network(address)}";

    /// <summary>The network an address belongs to, as far as a supporter can be told apart from their neighbours.</summary>
    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24"
            : Convert.ToHexString(bytes, 0, 8) + "/64";
    }
}
