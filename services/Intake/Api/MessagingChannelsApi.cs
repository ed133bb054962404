using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Intake.Persistence;
using Lapor.Intake.Domain;
using Lapor.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Intake.Api;

/// <summary>
/// Reports by SMS (a 1708-style short code) or a WhatsApp/social-media account: the operator's gateway posts each
/// inbound message here with the shared secret (<c>Lapor:Channels:Secret</c>, header <c>X-Lapor-Channel-Secret</c>)
/// and sends back the <c>reply</c> it gets. A message reads <c>LAPOR [region code] text</c>; the gateway's message id
/// makes a redelivered message file once. Without a configured secret the endpoint refuses everything.
/// </summary>
public static class MessagingChannelsApi
{
    public const string SecretHeader = "X-Lapor-Channel-Secret";
    public const string Keyword = "LAPOR";

    public sealed record InboundMessage(string? From, string? Text, string? MessageId);

    /// <summary>What the gateway sends back to the citizen, and whether a report was filed.</summary>
    public sealed record ChannelReply(bool Accepted, string Reply, string? TrackingId);

    public static IEndpointRouteBuilder MapMessagingChannelsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/channels/{channel}", Receive).WithTags("Channels").WithName("InboundMessage")
            .WithSummary("An SMS (channel sms) or social-media message (channel social) from the operator's gateway.");
        return app;
    }

    public static async Task<Results<Ok<ChannelReply>, UnauthorizedHttpResult, NotFound, ValidationProblem>> Receive(string channel,
        [FromHeader(Name = SecretHeader)] string? secret, [FromBody] InboundMessage? message, IConfiguration configuration,
        ReportFiling filing, CancellationToken cancellationToken)
    {
        if (channel is not ("sms" or "social")) return TypedResults.NotFound();
        if (!SharedSecret.Matches(secret, configuration["Lapor:Channels:Secret"])) return TypedResults.Unauthorized();
        if (message?.Text is null || string.IsNullOrWhiteSpace(message.From))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [message?.Text is null ? "text" : "from"] = ["Required."] });

        if (Parse(message.Text) is not ({ } text, var region))
            return TypedResults.Ok(new ChannelReply(false, $"Format: {Keyword} <kode wilayah, boleh dikosongkan> <isi laporan>. Contoh: {Keyword} 35.78 Jalan berlubang di depan Pasar Wonokromo, mohon diperbaiki.", null));

        var request = new SubmitComplaintRequest(ReportType.Aduan, SubmitComplaintRequest.TitleFrom(text), text, null, region, false, false,
            channel == "sms" ? new ContactRequest(null, null, message.From.Trim()) : null);
        var key = message.MessageId is { Length: > 0 and <= 100 } id ? id : null;
        // The gateway that knows the channel's secret is the one caller of its channel.
        return await filing.FileAsync(request, key, channel == "sms" ? Channel.Sms : Channel.Social, null, cancellationToken) switch
        {
            FilingOutcome.Filed { Receipt: var receipt } => TypedResults.Ok(new ChannelReply(true,
                $"Laporan diterima. Nomor: {receipt.TrackingId}, kode akses: {receipt.AccessCode} (simpan, jangan dibagikan). " +
                $"Diverifikasi dalam {receipt.Deadlines.VerifyWithinWorkingDays} hari kerja.", receipt.TrackingId)),
            FilingOutcome.Invalid { Errors: var errors } => TypedResults.Ok(new ChannelReply(false,
                "Laporan belum dapat diterima: " + string.Join(" ", errors.SelectMany(e => e.Value.Select(ProblemLanguage.Indonesian))), null)),
            _ => TypedResults.Ok(new ChannelReply(false, "Laporan belum dapat diterima. Silakan coba lagi.", null)),
        };
    }

    /// <summary>The report's text and region from <c>LAPOR [region] text</c>; null when the message is not a report.</summary>
    public static (string Text, string? Region)? Parse(string message)
    {
        var words = message.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].Equals(Keyword, StringComparison.OrdinalIgnoreCase)) return null;
        return Regions.Find(words[1]) is { } region && words.Length == 3
            ? (words[2].Trim(), region.Code)
            : (string.Join(' ', words[1..]).Trim(), null);
    }
}
