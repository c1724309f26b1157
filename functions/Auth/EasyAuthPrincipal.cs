using System.Text;
using System.Text.Json;
using System.Security.Claims;

namespace CowansSync.Functions.Auth;

/// <summary>
/// Reads App Service Easy Auth's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 JSON
/// <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>. The caller's role is the highest of our role
/// names found among its role claims; a user without one is authenticated but allowed nothing.
/// </summary>
public static class EasyAuthPrincipal
{
    /// <summary>The header Easy Auth sets after signing the user in.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Reads the principal, if the header is present and well-formed.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="roleClaim">The claim type holding role names; Easy Auth's own <c>role_typ</c> is accepted too.</param>
    /// <param name="scheme">The authentication scheme.</param>
    /// <returns>The principal, or <see langword="null"/>.</returns>
    public static ClaimsPrincipal? TryRead(IHeaderDictionary headers, string roleClaim, string scheme)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var encoded = headers[Header].ToString();
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = document.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(claim => (Type: claim.GetProperty("typ").GetString(), Value: claim.GetProperty("val").GetString()))
                .ToList();
            var role = claims
                .Where(claim => claim.Type == roleClaim || claim.Type == roleType)
                .Select(claim => claim.Value?.ToLowerInvariant())
                .Where(Roles.IsRole)
                .MaxBy(value => Roles.All.ToList().IndexOf(value!));
            var name = claims.FirstOrDefault(claim => claim.Type == nameType).Value
                ?? headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString();
            var userId = headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString();
            return ApiClaims.CreatePrincipal(scheme, $"easyauth:{(userId.Length > 0 ? userId : name)}", name, role);
        }
        catch (Exception error) when (error is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A malformed header authenticates no one; the request then needs a bearer key.
            return null;
        }
    }
}
