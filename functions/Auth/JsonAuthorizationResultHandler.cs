using CowansSync.Functions.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CowansSync.Functions.Auth;

/// <summary>Answers 401 and 403 with the API's error body, saying what was missing or which role is needed.</summary>
public sealed class JsonAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            // The handler caches its result per request: this repeats no lookup.
            var failure = (await context.AuthenticateAsync()).Failure?.Message;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(new ApiError(failure ?? "Authentication is required.",
                new Dictionary<string, object?> { ["authorization"] = "Send 'Authorization: Bearer <API key>'." }), context.RequestAborted);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var required = Roles.Lowest(authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<RolesAuthorizationRequirement>().SelectMany(requirement => requirement.AllowedRoles) ?? []);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new ApiError("Your role does not allow this request.",
                new Dictionary<string, object?> { ["required_role"] = required, ["role"] = context.User.GetRole() }), context.RequestAborted);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
