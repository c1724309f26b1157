using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CowansSync.Functions.Extensions;

/// <summary>API keys as bearer tokens, one authorization policy per role, and the audit log.</summary>
public static class AuthExtensions
{
    /// <summary>Registers authentication, the role policies, JSON 401/403 and the audit log.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddApiAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditLog>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization(options =>
        {
            foreach (var role in Roles.All)
            {
                options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(role)));
            }
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, JsonAuthorizationResultHandler>();
        return builder;
    }
}
