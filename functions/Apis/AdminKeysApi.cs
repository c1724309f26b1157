using System.Security.Claims;
using CowansSync.Functions.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/admin/keys</c>: create, list and revoke API keys (admin only); every change is audited.</summary>
public static class AdminKeysApi
{
    private const int MaxNameLength = 100;

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/admin/keys</c> group.</returns>
    public static RouteGroupBuilder MapAdminKeysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/keys").RequireAuthorization(Roles.Admin).WithTags("Admin");
        group.MapPost("/", CreateKeyAsync).WithName("CreateApiKey");
        group.MapGet("/", ListKeysAsync).WithName("ListApiKeys");
        group.MapDelete("/{keyId}", RevokeKeyAsync).WithName("RevokeApiKey");
        return group;
    }

    /// <summary>Creates a key and returns it, the only time it is shown.</summary>
    /// <param name="request">The key's name and role.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Keys and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>201 with the key, or 400 naming the bad fields.</returns>
    public static async Task<Results<Created<CreatedApiKey>, BadRequest<ApiError>>> CreateKeyAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, [AsParameters] AdminKeysServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = $"is required, 1 to {MaxNameLength} characters";
        }

        if (!Roles.IsRole(request.Role))
        {
            errors["role"] = $"must be one of {string.Join(", ", Roles.All)}";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The API key request is invalid.", errors));
        }

        var (info, key) = await services.Keys.CreateAsync(name!, request.Role!, user.GetCallerName(), cancellationToken);
        await services.Audit.WriteAsync(user, "api_key.created", info.KeyId, $"name={info.Name}; role={info.Role}", cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{info.KeyId}",
            new CreatedApiKey(info.KeyId, info.Name, info.Role, info.CreatedAt, info.CreatedBy, key));
    }

    /// <summary>Lists the keys, without secrets.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">Keys and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 for bad paging.</returns>
    public static async Task<Results<Ok<PagedList<ApiKeyInfo>>, BadRequest<ApiError>>> ListKeysAsync(
        int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] AdminKeysServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging parameters are invalid.", errors));
        }

        var keys = await services.Keys.ListAsync(cancellationToken);
        return TypedResults.Ok(keys.ToPage(pageNumber, pageSize));
    }

    /// <summary>Revokes a key; it stops working at once.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Keys and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>204, or 404 for an unknown key.</returns>
    public static async Task<Results<NoContent, NotFound<ApiError>>> RevokeKeyAsync(
        string keyId, ClaimsPrincipal user, [AsParameters] AdminKeysServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var revoked = ApiKeySecret.IsKeyId(keyId) ? await services.Keys.DeleteAsync(keyId, cancellationToken) : null;
        if (revoked is null)
        {
            return TypedResults.NotFound(new ApiError("No such API key.", new Dictionary<string, object?> { ["key_id"] = keyId }));
        }

        await services.Audit.WriteAsync(user, "api_key.revoked", revoked.KeyId, $"name={revoked.Name}; role={revoked.Role}", cancellationToken);
        return TypedResults.NoContent();
    }
}
