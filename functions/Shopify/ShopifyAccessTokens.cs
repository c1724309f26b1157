using System.Text.Json.Serialization;
using CowansSync.Functions.Settings;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The Admin API access token: the configured <c>Shopify__AccessToken</c>, or else one fetched with the
/// client-credentials grant (<c>Shopify__ClientId</c>/<c>__ClientSecret</c>) and fetched again five minutes
/// before it expires (Shopify's last about 24 h) or as soon as Shopify refuses it.
/// </summary>
internal sealed class ShopifyAccessTokens(HttpClient httpClient, ShopifyOptions options, Uri baseUrl, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string? _granted;
    private DateTimeOffset _grantedUntil;

    /// <summary>Whether tokens come from the grant (and so can be replaced when refused).</summary>
    public bool UsesGrant => string.IsNullOrEmpty(options.AccessToken);

    /// <summary>A token valid now.</summary>
    /// <param name="cancellationToken">Stops a grant request.</param>
    /// <returns>The token.</returns>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (!UsesGrant)
        {
            return options.AccessToken!;
        }

        if (Current() is { } current)
        {
            return current;
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Current() ?? await GrantAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Forgets a granted token Shopify refused, so the next request fetches another.</summary>
    public void Invalidate() => _grantedUntil = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public void Dispose() => _fetching.Dispose();

    private string? Current() => _granted is not null && timeProvider.GetUtcNow() < _grantedUntil - s_refreshMargin ? _granted : null;

    private async Task<string> GrantAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ShopifyGraphQLException("Shopify is not configured: set Shopify__AccessToken, or Shopify__ClientId and Shopify__ClientSecret.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        });
        using var response = await httpClient.PostAsync(new Uri(baseUrl, "admin/oauth/access_token"), form, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 429 || status >= 500)
        {
            throw new ShopifyTransientException($"The access-token grant answered HTTP {status}.", status);
        }

        var grant = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<AccessTokenGrant>(cancellationToken).ConfigureAwait(false) : null;
        if (grant?.AccessToken is not { Length: > 0 } token)
        {
            throw new ShopifyGraphQLException("access_token", [$"The client-credentials grant was refused; check Shopify__ClientId and Shopify__ClientSecret."], status);
        }

        _granted = token;
        _grantedUntil = timeProvider.GetUtcNow().AddSeconds(grant.ExpiresIn);
        return token;
    }

    private sealed record AccessTokenGrant(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
