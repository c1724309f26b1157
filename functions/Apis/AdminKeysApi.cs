using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/admin/keys</c>: create, list and revoke API keys (admin only); every change is audited.</summary>
/// <param name="keys">The key store.</param>
/// <param name="audit">The audit log.</param>
public sealed class AdminKeysApi(ApiKeyStore keys, AuditLog audit)
{
    private const int MaxNameLength = 100;

    /// <summary>Creates a key and returns it, the only time it is shown.</summary>
    /// <param name="request">The request; its body is the key's name and role.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>201 with the key, or 400 naming the bad fields (415 for a body that is not JSON).</returns>
    [Function(nameof(CreateApiKey))]
    [JsonRequestBody(typeof(CreateApiKeyRequest))]
    [Authorize(Roles.Admin)]
    public async Task<Results<Created<CreatedApiKey>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/keys")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<CreateApiKeyRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = $"is required, 1 to {MaxNameLength} characters";
        }

        if (!Roles.IsRole(body.Role))
        {
            errors["role"] = $"must be one of {string.Join(", ", Roles.All)}";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The API key request is invalid.", errors));
        }

        var user = request.HttpContext.User;
        var (info, key) = await keys.CreateAsync(name!, body.Role!, user.GetCallerName(), cancellationToken);
        await audit.WriteAsync(user, "api_key.created", info.KeyId, $"name={info.Name}; role={info.Role}", cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{info.KeyId}",
            new CreatedApiKey(info.KeyId, info.Name, info.Role, info.CreatedAt, info.CreatedBy, key));
    }

    /// <summary>Lists the keys, without secrets; paged by <c>page</c> (from 1) and <c>per_page</c> (1–200).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 for bad paging.</returns>
    [Function(nameof(ListApiKeys))]
    [Paged]
    [Authorize(Roles.Admin)]
    public async Task<Results<Ok<PagedList<ApiKeyInfo>>, BadRequest<ApiError>>> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "admin/keys")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging parameters are invalid.", errors));
        }

        var all = await keys.ListAsync(cancellationToken);
        return TypedResults.Ok(all.ToPage(pageNumber, pageSize));
    }

    /// <summary>Revokes a key; it stops working at once.</summary>
    /// <param name="request">The request.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>204, or 404 for an unknown key.</returns>
    [Function(nameof(RevokeApiKey))]
    [Authorize(Roles.Admin)]
    public async Task<Results<NoContent, NotFound<ApiError>>> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "admin/keys/{keyId}")] HttpRequest request, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revoked = ApiKeySecret.IsKeyId(keyId) ? await keys.DeleteAsync(keyId, cancellationToken) : null;
        if (revoked is null)
        {
            return TypedResults.NotFound(new ApiError("No such API key.", new Dictionary<string, object?> { ["key_id"] = keyId }));
        }

        await audit.WriteAsync(request.HttpContext.User, "api_key.revoked", revoked.KeyId, $"name={revoked.Name}; role={revoked.Role}", cancellationToken);
        return TypedResults.NoContent();
    }
}
