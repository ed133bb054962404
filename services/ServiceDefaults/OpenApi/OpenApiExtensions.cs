using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Lapor.ServiceDefaults.OpenApi;

/// <summary>
/// Every Lapor process describes its API at <c>/openapi/v1.json</c> (ASP.NET Core's OpenAPI document): each route with
/// its summary, its problem responses, and the bearer scheme on the routes that need a token. The embedded host's
/// document covers all four services.
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
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }
}
