using System.Text.Json;
using System.Text.Json.Nodes;
using Lapor.Contracts;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Domain;

/// <summary>
/// An event as analytics consumed it, kept so that every read model can be rebuilt from scratch. Only what the figures
/// need is kept: the free text (a report's words, answers, questions, reasons, comments and places) is dropped, so a
/// confidential report's matter never rests in analytics' database.
/// </summary>
public sealed class EventRecord
{
    /// <summary>The wire names of the events' free-text fields, none of which a figure reads.</summary>
    public static readonly IReadOnlyList<string> FreeText = ["title", "text", "answer", "question", "reason", "comment", "location"];

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
        Body = WithoutFreeText(JsonSerializer.Serialize(e, e.GetType(), LaporJson.Options)),
    };

    /// <summary>Drops the free text from a kept body (also from bodies kept by an earlier version); true if it held any.</summary>
    public bool DropFreeText()
    {
        var body = WithoutFreeText(Body);
        if (body == Body) return false;
        Body = body;
        return true;
    }

    private static string WithoutFreeText(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        var removed = false;
        foreach (var field in FreeText) removed |= node.Remove(field);
        return removed ? node.ToJsonString() : body;
    }
}
