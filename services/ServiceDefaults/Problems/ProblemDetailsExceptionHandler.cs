using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.ServiceDefaults.Problems;

/// <summary>
/// Turns the exceptions that mean "the client asked for something wrong" into problem details, so that
/// bad input is a 4xx naming the field and never a 500. Anything else stays a 500 without internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FieldProblem(FieldName(json.Path), "The value is not valid JSON of the expected type."),
            BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.StatusCode == 400
                => FieldProblem("body", "A JSON request body is required."),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            NotFoundException notFound => new ProblemDetails { Status = 404, Title = "Not found", Detail = notFound.Message },
            InvalidActionException invalid => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] })
                { Status = 422, Title = "The action cannot be taken with this content." },
            TooManyAttemptsException tooMany => new ProblemDetails { Status = 429, Title = "Too many requests", Detail = tooMany.Message },
            ConflictException conflict => new ProblemDetails { Status = 409, Title = "Conflict", Detail = conflict.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = "Conflict", Detail = "Someone else changed this report at the same time. Reload and try again." },
            // The JSON reader cannot decode a body declared in an unknown charset ("utf-7", "latin1"...).
            InvalidOperationException { InnerException: ArgumentException } when http.Request.ContentType?.Contains("charset", StringComparison.OrdinalIgnoreCase) == true
                => new ProblemDetails { Status = 415, Title = "Unsupported media type", Detail = "Send JSON encoded as UTF-8." },
            _ => null,
        };
        if (problem is null) return false;

        http.Response.StatusCode = problem.Status ?? 400;
        if (exception is TooManyAttemptsException { RetryAfter: var wait })
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception })) return true;
        // The client's Accept header allowed no problem-details writer (say, text/csv only): answer in JSON all the same.
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    private static HttpValidationProblemDetails FieldProblem(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = 400, Title = "One or more fields are invalid." };

    // System.Text.Json reports "$.contact.email" or "$['title']"; clients know the field as "contact.email".
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.TrimStart('$', '.').Replace("['", "").Replace("']", "");
    }
}
