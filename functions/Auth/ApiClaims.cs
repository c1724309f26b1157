using System.Security.Claims;

namespace CowansSync.Functions.Auth;

/// <summary>Who is calling, as the audit log records it: the key's (or Easy Auth user's) id and name, and the role.</summary>
public static class ApiClaims
{
    /// <summary>The claim holding the caller's id: an API key id, <c>bootstrap</c>, or <c>easyauth:&lt;user id&gt;</c>.</summary>
    public const string CallerId = "caller_id";

    /// <summary>Builds the principal for an authenticated caller.</summary>
    /// <param name="scheme">The authentication scheme.</param>
    /// <param name="callerId">The caller's id.</param>
    /// <param name="name">The caller's name (the key's name).</param>
    /// <param name="role">The caller's role, or <see langword="null"/> for none (authenticated, but allowed nothing).</param>
    /// <returns>The principal.</returns>
    public static ClaimsPrincipal CreatePrincipal(string scheme, string callerId, string name, string? role)
    {
        var claims = new List<Claim> { new(CallerId, callerId), new(ClaimTypes.Name, name) };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller's id.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The id, or <c>anonymous</c>.</returns>
    public static string GetCallerId(this ClaimsPrincipal user) => user?.FindFirstValue(CallerId) ?? "anonymous";

    /// <summary>The caller's name.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The name, or <c>anonymous</c>.</returns>
    public static string GetCallerName(this ClaimsPrincipal user) => user?.Identity?.Name ?? "anonymous";

    /// <summary>The caller's role.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The role, or <see langword="null"/>.</returns>
    public static string? GetRole(this ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.Role);
}
