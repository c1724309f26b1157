using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>: the bootstrap admin key (compared in constant time) or a
/// key from <see cref="ApiKeyStore"/>; otherwise, when configured, App Service Easy Auth's principal header.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IOptions<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The caller id of the bootstrap admin key.</summary>
    public const string BootstrapCallerId = "bootstrap";

    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return authOptions.Value.TrustEasyAuth && EasyAuthPrincipal.TryRead(Request.Headers, authOptions.Value.EasyAuthRoleClaim, Scheme.Name) is { } user
                ? AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name))
                : AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (ApiKeySecret.Matches(key, ApiKeySecret.Hash(authOptions.Value.BootstrapAdminKey!.Trim())))
        {
            return Success(BootstrapCallerId, "bootstrap-admin", Roles.Admin);
        }

        var stored = await keys.FindAsync(key, Context.RequestAborted);
        if (stored is null)
        {
            LogRejected(Logger, Request.Path);
            return AuthenticateResult.Fail("The API key is invalid or has been revoked.");
        }

        return Success(stored.KeyId, stored.Name, stored.Role);
    }

    private AuthenticateResult Success(string callerId, string name, string role) =>
        AuthenticateResult.Success(new AuthenticationTicket(ApiClaims.CreatePrincipal(Scheme.Name, callerId, name, role), Scheme.Name));

    [LoggerMessage(1, LogLevel.Warning, "Rejected an invalid or revoked API key on {Path}")]
    private static partial void LogRejected(ILogger logger, string path);
}
