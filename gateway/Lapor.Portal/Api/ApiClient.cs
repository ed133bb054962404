using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.ServiceDefaults;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lapor.Portal.Api;

/// <summary>Sends one call and turns every answer — success, problem details, outage — into an <see cref="ApiResult{T}"/>.</summary>
public abstract class ApiClient(HttpClient http)
{
    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        return SendAsync<T>(request, cancellationToken);
    }

    protected Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: LaporJson.Options) };
        configure?.Invoke(request);
        return SendAsync<T>(request, cancellationToken);
    }

    /// <summary>Sends a request built by the caller (a multipart upload, say); disposes it.</summary>
    protected async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
                return ApiResult<T>.Success(
                    typeof(T) == typeof(bool) ? (T)(object)true // an answer without a body
                    : typeof(T) == typeof(string) ? (T)(object)await response.Content.ReadAsStringAsync(cancellationToken) // CSV, text
                    : typeof(T) == typeof(byte[]) ? (T)(object)await response.Content.ReadAsByteArrayAsync(cancellationToken) // a file
                    : (await response.Content.ReadFromJsonAsync<T>(LaporJson.Options, cancellationToken))!);
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict =>
                    ApiResult<T>.Failed(ApiFailure.Invalid, await ErrorsAsync(response, cancellationToken)),
                HttpStatusCode.NotFound => ApiResult<T>.Failed(ApiFailure.NotFound),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ApiResult<T>.Failed(ApiFailure.Forbidden),
                HttpStatusCode.TooManyRequests => ApiResult<T>.Failed(ApiFailure.TooMany),
                _ => ApiResult<T>.Failed(ApiFailure.Unavailable),
            };
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested)
        {
            return ApiResult<T>.Failed(ApiFailure.Unavailable);
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>The field errors of a validation problem, or the problem's detail under the empty key.</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                return errors.EnumerateObject().ToDictionary(
                    e => e.Name, e => e.Value.ValueKind == JsonValueKind.Array ? e.Value.EnumerateArray().Select(m => m.ToString()).ToArray() : [e.Value.ToString()]);
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new Dictionary<string, string[]> { [""] = [detail ?? response.ReasonPhrase ?? "Invalid."] };
        }
        catch (JsonException)
        {
            return new Dictionary<string, string[]> { [""] = [response.ReasonPhrase ?? "Invalid."] };
        }
    }
}
