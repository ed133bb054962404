using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Lapor.ServiceDefaults.Security;

/// <summary>
/// JWT bearer authentication and Lapor's authorization policies, the same in the gateway and in every
/// service (roles are enforced twice). In production tokens come from an OpenID Connect provider:
/// <c>Lapor:Auth:Authority</c> and <c>Lapor:Auth:Audience</c>. For development, tests and the embedded quick
/// start, <c>Lapor:Auth:SigningKey</c> validates tokens minted by <c>POST /dev/token</c>. With neither, every
/// protected endpoint answers 401: authentication fails closed.
/// </summary>
public static class AuthenticationExtensions
{
    public const string DevIssuer = "lapor-dev";
    public const string DevAudience = "lapor";

    public static WebApplicationBuilder AddLaporAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Lapor:Auth");
        void Validate(JwtBearerOptions options)
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.RoleClaimType = "role";
            options.TokenValidationParameters.NameClaimType = "name";
            // An expired token stops working within seconds (the library's default tolerates five minutes); the
            // identity provider and Lapor's hosts keep their clocks by NTP.
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                options.Authority = authority;
                options.Audience = auth["Audience"];
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopmentLike();
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = DevIssuer;
                options.TokenValidationParameters.ValidAudience = DevAudience;
                options.TokenValidationParameters.IssuerSigningKey = SigningKey(builder.Configuration);
            }
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(Validate)
            // The web portal's staff session: the same token, validated the same way, but read only from the
            // portal's HttpOnly cookie and only by portal pages (whose forms carry antiforgery tokens), never by the APIs.
            .AddJwtBearer(PortalSession.Scheme, options =>
            {
                Validate(options);
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token = context.Request.Cookies[PortalSession.Cookie];
                        return Task.CompletedTask;
                    },
                    OnChallenge = context =>
                    {
                        context.HandleResponse();
                        context.Response.Redirect(PortalSession.SignInPath + "?kembali=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(LaporPolicies.AgencyDesk, policy => policy
                .RequireRole(LaporRoles.Officer, LaporRoles.Supervisor)
                .RequireClaim(LaporRoles.AgencyClaim))
            .AddPolicy(LaporPolicies.Verifier, policy => policy.RequireRole(LaporRoles.Verifier))
            .AddPolicy(LaporPolicies.Oversight, policy => policy.RequireRole(LaporRoles.Oversight, LaporRoles.Verifier))
            .AddPolicy(LaporPolicies.Citizen, policy => policy.RequireRole(LaporRoles.Citizen));
        return builder;
    }

    /// <summary>The development signing key; a key that is missing or too short validates nothing.</summary>
    public static SymmetricSecurityKey SigningKey(IConfiguration configuration)
    {
        var key = configuration["Lapor:Auth:SigningKey"];
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key is { Length: >= 32 } ? key : Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid()));
    }

    private static bool IsDevelopmentLike(this Microsoft.AspNetCore.Hosting.IWebHostEnvironment environment) =>
        environment.EnvironmentName is "Development" or "Testing";
}
