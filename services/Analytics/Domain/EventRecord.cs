using System.Text.Json;
using Lapor.Contracts;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Domain;

/// <summary>An event as analytics consumed it, kept so that every read model can be rebuilt from scratch.</summary>
public sealed class EventRecord
{
    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string EventType { get; private set; } = "";
    public string Body { get; private set; } = "";

    public static EventRecord From(Guid messageId, IComplaintEvent e) => new()
    {
        MessageId = messageId,
        ComplaintId = e.ComplaintId,
        Sequence = e.Sequence,
        OccurredAt = e.OccurredAt,
        EventType = e.GetType().Name,
        Body = JsonSerializer.Serialize(e, e.GetType(), LaporJson.Options),
    };
}
