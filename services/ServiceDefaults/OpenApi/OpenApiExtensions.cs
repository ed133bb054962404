using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Lapor.ServiceDefaults.OpenApi;

/// <summary>
/// Every Lapor process describes its API at <c>/openapi/v1.json</c> (ASP.NET Core's OpenAPI document): each route with
/// its summary, its problem responses, and the bearer scheme on the routes that need a token. The embedded host's
/// document covers all four services; the gateway's merges the services' documents (<see cref="IApiDocumentSource"/>).
/// In Development a browsable reference (Scalar) is at <c>/scalar/v1</c>.
/// </summary>
public static class OpenApiExtensions
{
    public const string Bearer = "Bearer";

    public static WebApplicationBuilder AddLaporOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = $"Lapor — {builder.Environment.ApplicationName}";
                document.Info.Description = "Pengaduan, aspirasi dan permintaan informasi warga. Kesalahan dijawab sebagai application/problem+json (RFC 9457) yang menyebut kolomnya.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "A token from the identity provider (staff, citizens); in Development, POST /dev/token.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var needsToken = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
                if (needsToken)
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                ProblemResponses.Describe(operation, context.Description, needsToken);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Maps <c>/openapi/v1.json</c> — this process's own document, or the one its <see cref="IApiDocumentSource"/> serves — and, in Development, Scalar.</summary>
    public static IEndpointRouteBuilder MapLaporApiReference(this WebApplication app)
    {
        if (app.Services.GetService<IApiDocumentSource>() is null) app.MapOpenApi();
        else
            app.MapGet("/openapi/v1.json", async (IApiDocumentSource source, CancellationToken cancellationToken) =>
                    Results.Text(await source.GetJsonAsync(cancellationToken), "application/json"))
                .ExcludeFromDescription();
        // The reference page's script comes from the package itself; no web fonts are fetched from elsewhere.
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference(options => options.DefaultFonts = false);
        return app;
    }
}

/// <summary>A process that answers <c>/openapi/v1.json</c> with another document than its own (the gateway: every service's, merged).</summary>
public interface IApiDocumentSource
{
    Task<string> GetJsonAsync(CancellationToken cancellationToken);
}
