namespace Lapor.Portal.Api;

/// <summary>Intake's public API, the agency directory and the public scorecards, as a citizen uses them.</summary>
public sealed class CitizenClient(HttpClient http) : ApiClient(http)
{
    public const string AccessCodeHeader = "X-Access-Code";

    public Task<ApiResult<Receipt>> FileAsync(FileReport report, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync<Receipt>("/api/complaints", report, cancellationToken, r =>
        {
            r.Headers.Add("Idempotency-Key", idempotencyKey);
            r.Headers.Add("X-Lapor-Channel", "web");
        });

    public Task<ApiResult<Tracking>> TrackAsync(string trackingId, string accessCode, CancellationToken cancellationToken) =>
        SendWithCode<Tracking>(HttpMethod.Get, $"/api/complaints/{Uri.EscapeDataString(trackingId)}", null, accessCode, cancellationToken);

    public Task<ApiResult<Tracking>> ReplyAsync(string trackingId, string accessCode, string text, CancellationToken cancellationToken) =>
        SendWithCode<Tracking>(HttpMethod.Post, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/replies", new { text }, accessCode, cancellationToken);

    public Task<ApiResult<Tracking>> RateAsync(string trackingId, string accessCode, int? rating, string? comment, CancellationToken cancellationToken) =>
        SendWithCode<Tracking>(HttpMethod.Post, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/rating", new { rating, comment }, accessCode, cancellationToken);

    public Task<ApiResult<Tracking>> ReopenAsync(string trackingId, string accessCode, string reason, CancellationToken cancellationToken) =>
        SendWithCode<Tracking>(HttpMethod.Post, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/reopen", new { reason }, accessCode, cancellationToken);

    /// <summary>Everything Lapor holds about the reporter for the report, as the JSON document the reporter downloads.</summary>
    public Task<ApiResult<byte[]>> PersonalDataAsync(string trackingId, string accessCode, CancellationToken cancellationToken) =>
        SendWithCode<byte[]>(HttpMethod.Get, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/personal-data", null, accessCode, cancellationToken);

    public Task<ApiResult<System.Text.Json.JsonElement>> ErasePersonalDataAsync(string trackingId, string accessCode, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/personal-data");
        request.Headers.Add(AccessCodeHeader, accessCode);
        return SendAsync<System.Text.Json.JsonElement>(request, cancellationToken);
    }

    public Task<ApiResult<PublicPage>> PublicReportsAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<PublicPage>("/api/complaints" + query, cancellationToken);

    public Task<ApiResult<Supported>> SupportAsync(string trackingId, string supporterId, CancellationToken cancellationToken) =>
        PostAsync<Supported>($"/api/complaints/{Uri.EscapeDataString(trackingId)}/support", null, cancellationToken,
            r => r.Headers.Add("X-Supporter-Id", supporterId));

    /// <summary>Uploads the citizen's files as they came from the browser; Intake checks their content.</summary>
    public async Task<ApiResult<List<AttachmentInfo>>> AttachAsync(string trackingId, string accessCode, IEnumerable<Microsoft.AspNetCore.Http.IFormFile> files,
        CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var content = new StreamContent(file.OpenReadStream());
            form.Add(content, "attachments", Path.GetFileName(file.FileName));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/attachments") { Content = form };
        request.Headers.Add(AccessCodeHeader, accessCode);
        return await SendAsync<List<AttachmentInfo>>(request, cancellationToken);
    }

    public Task<ApiResult<List<AttachmentInfo>>> AttachmentsAsync(string trackingId, string accessCode, CancellationToken cancellationToken) =>
        SendWithCode<List<AttachmentInfo>>(HttpMethod.Get, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/attachments", null, accessCode, cancellationToken);

    public Task<ApiResult<byte[]>> AttachmentAsync(string trackingId, string accessCode, Guid attachmentId, CancellationToken cancellationToken) =>
        SendWithCode<byte[]>(HttpMethod.Get, $"/api/complaints/{Uri.EscapeDataString(trackingId)}/attachments/{attachmentId}", null, accessCode, cancellationToken);

    /// <summary>Asks for a fresh access code to be sent to the reporter's contact; the answer is the same whatever there was.</summary>
    public Task<ApiResult<RecoveryAnswer>> RecoverAccessCodeAsync(string trackingId, CancellationToken cancellationToken) =>
        PostAsync<RecoveryAnswer>($"/api/complaints/{Uri.EscapeDataString(trackingId)}/access-code/recovery", null, cancellationToken);

    public Task<ApiResult<List<Scorecard>>> ScorecardsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Scorecard>>("/api/analytics/public/agencies", cancellationToken);

    /// <summary>A page of the agency directory (the national one has thousands): <paramref name="query"/> as the directory API takes it, e.g. <c>level=nasional</c>, <c>within=53</c>, <c>q=jayawijaya</c>.</summary>
    public Task<ApiResult<List<AgencyEntry>>> AgenciesAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<List<AgencyEntry>>("/api/triage/agencies?" + query, cancellationToken);

    private Task<ApiResult<T>> SendWithCode<T>(HttpMethod method, string path, object? body, string accessCode, CancellationToken cancellationToken) =>
        method == HttpMethod.Get
            ? GetAsync<T>(path, cancellationToken, r => r.Headers.Add(AccessCodeHeader, accessCode))
            : PostAsync<T>(path, body, cancellationToken, r => r.Headers.Add(AccessCodeHeader, accessCode));

    /// <summary>The signed-in citizen's reports ("Laporan saya").</summary>
    public Task<ApiResult<List<MyReport>>> MyReportsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<MyReport>>("/api/complaints/mine", cancellationToken);

    public Task<ApiResult<List<MyReport>>> AttachReportAsync(string trackingId, string accessCode, CancellationToken cancellationToken) =>
        PostAsync<List<MyReport>>("/api/complaints/mine", new { trackingId, accessCode }, cancellationToken);
}
