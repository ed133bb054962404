using System.Net.Http.Json;
using Lapor.ServiceDefaults;

namespace Lapor.Portal.Api;

/// <summary>The desk, verification and oversight APIs, called with the signed-in staff member's token.</summary>
public sealed class StaffClient(HttpClient http) : ApiClient(http)
{
    public Task<ApiResult<InboxPage>> InboxAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<InboxPage>("/api/desk/inbox" + query, cancellationToken);

    public Task<ApiResult<byte[]>> AttachmentAsync(string trackingId, Guid attachmentId, CancellationToken cancellationToken) =>
        GetAsync<byte[]>($"/api/complaints/{Uri.EscapeDataString(trackingId)}/attachments/{attachmentId}", cancellationToken);

    public Task<ApiResult<List<Hotspot>>> HotspotsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Hotspot>>("/api/analytics/hotspots?limit=10", cancellationToken);

    public Task<ApiResult<Receipt>> FileAtCounterAsync(FileReport report, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync<Receipt>("/api/counter/complaints", report, cancellationToken, r => r.Headers.Add("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<List<OfficerEntry>>> OfficersAsync(CancellationToken cancellationToken) =>
        GetAsync<List<OfficerEntry>>("/api/desk/officers", cancellationToken);

    public Task<ApiResult<OfficerEntry>> SetOfficerAsync(string officerId, string? name, bool active, CancellationToken cancellationToken) =>
        PostAsync<OfficerEntry>("/api/desk/officers", new { officerId, name, active }, cancellationToken);

    public Task<ApiResult<List<Escalation>>> EscalationsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Escalation>>("/api/desk/escalations", cancellationToken);

    public Task<ApiResult<AgencyOverview>> OverviewAsync(CancellationToken cancellationToken) =>
        GetAsync<AgencyOverview>("/api/desk/overview", cancellationToken);

    public Task<ApiResult<DeskReport>> DeskReportAsync(string trackingId, CancellationToken cancellationToken) =>
        GetAsync<DeskReport>($"/api/desk/complaints/{Uri.EscapeDataString(trackingId)}", cancellationToken);

    public Task<ApiResult<DeskReport>> DeskActionAsync(string trackingId, string action, DeskAction body, CancellationToken cancellationToken) =>
        PostAsync<DeskReport>($"/api/desk/complaints/{Uri.EscapeDataString(trackingId)}/{Uri.EscapeDataString(action)}", body, cancellationToken);

    public Task<ApiResult<List<PendingReport>>> VerificationQueueAsync(CancellationToken cancellationToken) =>
        GetAsync<List<PendingReport>>("/api/triage/queue", cancellationToken);

    public Task<ApiResult<bool>> RouteAsync(string trackingId, RouteChoice choice, CancellationToken cancellationToken) =>
        PostAsync<bool>($"/api/triage/queue/{Uri.EscapeDataString(trackingId)}/route", choice, cancellationToken);

    public Task<ApiResult<bool>> ChangeRouteAsync(string trackingId, string agencyId, string reason, CancellationToken cancellationToken) =>
        PostAsync<bool>($"/api/triage/complaints/{Uri.EscapeDataString(trackingId)}/route", new { agencyId, reason }, cancellationToken);

    public Task<ApiResult<bool>> PostponeAsync(string trackingId, string question, CancellationToken cancellationToken) =>
        PostAsync<bool>($"/api/triage/queue/{Uri.EscapeDataString(trackingId)}/postpone", new { question }, cancellationToken);

    public Task<ApiResult<bool>> ArchiveAsync(string trackingId, string reason, CancellationToken cancellationToken) =>
        PostAsync<bool>($"/api/triage/queue/{Uri.EscapeDataString(trackingId)}/archive", new { reason }, cancellationToken);

    public Task<ApiResult<OversightSummary>> SummaryAsync(CancellationToken cancellationToken) =>
        GetAsync<OversightSummary>("/api/analytics/summary", cancellationToken);

    public Task<ApiResult<List<PerformanceRow>>> PerformanceAsync(string table, CancellationToken cancellationToken) =>
        GetAsync<List<PerformanceRow>>($"/api/analytics/{table}", cancellationToken);

    public Task<ApiResult<List<DayCount>>> TrendAsync(int days, CancellationToken cancellationToken) =>
        GetAsync<List<DayCount>>($"/api/analytics/trend?days={days}", cancellationToken);

    public Task<ApiResult<string>> InboxCsvAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<string>("/api/desk/inbox.csv" + query, cancellationToken);

    public Task<ApiResult<bool>> AssignSeveralAsync(IReadOnlyList<string> trackingIds, string officerId, CancellationToken cancellationToken) =>
        PostAsync<bool>("/api/desk/assignments", new { trackingIds, officerId }, cancellationToken);

    public Task<ApiResult<bool>> AcknowledgeEscalationsAsync(IReadOnlyList<string> trackingIds, CancellationToken cancellationToken) =>
        PostAsync<bool>("/api/desk/escalations/acknowledge", new { trackingIds }, cancellationToken);

    public Task<ApiResult<List<SavedView>>> SavedViewsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<SavedView>>("/api/desk/views", cancellationToken);

    public Task<ApiResult<bool>> SaveViewAsync(string name, string query, CancellationToken cancellationToken) =>
        SendAsync<bool>(new HttpRequestMessage(HttpMethod.Put, $"/api/desk/views/{Uri.EscapeDataString(name)}")
            { Content = JsonContent.Create(new { query }, options: LaporJson.Options) }, cancellationToken);

    public Task<ApiResult<bool>> DeleteViewAsync(string name, CancellationToken cancellationToken) =>
        SendAsync<bool>(new HttpRequestMessage(HttpMethod.Delete, $"/api/desk/views/{Uri.EscapeDataString(name)}"), cancellationToken);

    public Task<ApiResult<NoticesPage>> NoticesAsync(CancellationToken cancellationToken) =>
        GetAsync<NoticesPage>("/api/desk/notices", cancellationToken);

    public Task<ApiResult<NoticesPage>> ReadNoticesAsync(CancellationToken cancellationToken) =>
        PostAsync<NoticesPage>("/api/desk/notices/read", new { }, cancellationToken);

    public Task<ApiResult<bool>> SetNoticeMailAsync(string? email, bool dailyDigest, CancellationToken cancellationToken) =>
        SendAsync<bool>(new HttpRequestMessage(HttpMethod.Put, "/api/desk/notices/mail")
            { Content = JsonContent.Create(new { email, dailyDigest }, options: LaporJson.Options) }, cancellationToken);

    public Task<ApiResult<string>> PerformanceCsvAsync(string table, CancellationToken cancellationToken) =>
        GetAsync<string>($"/api/analytics/{table}?format=csv", cancellationToken);

    /// <summary>Development only: a token for the chosen role from the gateway's <c>/dev/token</c>.</summary>
    public Task<ApiResult<StaffToken>> DevTokenAsync(string role, string? agency, string? region, string? name, CancellationToken cancellationToken) =>
        PostAsync<StaffToken>("/dev/token", new { role, agency, region, name }, cancellationToken);
}
