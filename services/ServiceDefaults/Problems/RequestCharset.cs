using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Lapor.ServiceDefaults.Problems;

/// <summary>
/// Request bodies are UTF-8 (or its ASCII subset). A body that declares another charset ("utf-7", "latin1", an
/// unknown name) is answered 415 before any reader tries to decode it — JSON, forms and multipart alike — instead
/// of failing somewhere inside a reader as a 500.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseUtf8Requests(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (Declared(http.Request.ContentType) is { } charset && !IsUtf8(charset))
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported media type",
                    Detail = $"Content-Type: the charset '{charset}' is not accepted; send UTF-8.",
                };
                var context = new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem };
                // The client's Accept header may allow no problem-details writer: answer in JSON all the same.
                if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(context))
                    await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
                return;
            }
            await next(http);
        });

    /// <summary>The charset the body declares; a Content-Type that mentions one but cannot be parsed counts as a foreign one.</summary>
    private static string? Declared(string? contentType)
    {
        if (contentType is null) return null;
        if (MediaTypeHeaderValue.TryParse(contentType, out var media)) return media.Charset.HasValue ? media.Charset.Value.Trim('"') : null;
        return contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ? contentType : null;
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
}
