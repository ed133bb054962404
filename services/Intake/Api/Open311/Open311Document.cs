using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Lapor.Intake.Api.Open311;

/// <summary>
/// An Open311 GeoReport v2 answer in the format its path asked for (<c>.json</c> or <c>.xml</c>). The body is built
/// once as JSON; XML uses the same names, with each list wrapped as the specification does
/// (<c>&lt;services&gt;&lt;service&gt;</c>, <c>&lt;service_requests&gt;&lt;request&gt;</c>, …).
/// </summary>
public sealed class Open311Document(string root, JsonNode body, bool xml, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly Dictionary<string, string> ItemNames = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["attributes"] = "attribute", ["values"] = "value",
        ["endpoints"] = "endpoint", ["formats"] = "format", ["errors"] = "error",
    };

    public int Status => status;
    public JsonNode Body => body;

    /// <summary>The specification's error list: <c>[{ code, description }]</c>, one per problem, with the HTTP status as the code.</summary>
    public static Open311Document Errors(bool xml, int status, params IEnumerable<string> descriptions) =>
        new("errors", new JsonArray([.. descriptions.Select(d => new JsonObject { ["code"] = status, ["description"] = d })]), xml, status);

    /// <summary>Times as ISO 8601 with their zone, in Western Indonesian Time (WIB) as Indonesian readers expect.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        if (xml)
        {
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                // The declaration exactly as the specification asks, encoding in capitals.
                writer.WriteProcessingInstruction("xml", "version=\"1.0\" encoding=\"UTF-8\"");
                Write(writer, root, body);
            }
        }
        else
        {
            await using var writer = new Utf8JsonWriter(buffer);
            body.WriteTo(writer);
        }
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }

    /// <summary>
    /// Characters XML 1.0 cannot carry (a noncharacter or control in a report stored before Intake refused them) become
    /// U+FFFD: one report's odd character must not make the whole list fail for everyone.
    /// </summary>
    private static string XmlText(string text)
    {
        if (IsXmlText(text)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
            else kept.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return kept.ToString();
    }

    private static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { i++; continue; }
            return false;
        }
        return true;
    }

    private static void Write(XmlWriter writer, string name, JsonNode? node)
    {
        writer.WriteStartElement(name);
        switch (node)
        {
            case JsonObject fields:
                foreach (var (field, value) in fields) Write(writer, field, value);
                break;
            case JsonArray items:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var value in items) Write(writer, item, value);
                break;
            case JsonValue value:
                writer.WriteString(value.GetValueKind() switch
                {
                    JsonValueKind.String => XmlText(value.GetValue<string>()),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.ToJsonString(),
                });
                break;
        }
        writer.WriteEndElement();
    }
}
