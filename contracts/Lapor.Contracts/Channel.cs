namespace Lapor.Contracts;

/// <summary>How a report reached Lapor.</summary>
public enum Channel
{
    Web,
    Api,
    Open311,
    Sms,
    Social,
    Counter,
}
