using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The Shopify Admin GraphQL API: <c>POST {base}/admin/api/{version}/graphql.json</c>, paced by the cost bucket,
/// retried by the <see cref="ShopifyResilience.PipelineName"/> pipeline. Thread-safe; one per app.
/// </summary>
public sealed partial class ShopifyGraphQLClient : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _httpClient;
    private readonly ShopifyOptions _options;
    private readonly ILogger<ShopifyGraphQLClient> _logger;
    private readonly ShopifyCostBucket _bucket;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConcurrentDictionary<string, double> _requestedCostByDocument = new(StringComparer.Ordinal);
    private readonly Uri? _baseUrl;
    private readonly ShopifyAccessTokens? _tokens;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">The HTTP client (its own timeout is not used; each attempt has 30 s).</param>
    /// <param name="options">The <c>Shopify__*</c> settings.</param>
    /// <param name="timeProvider">The clock pacing and retries wait on.</param>
    /// <param name="logger">The logger.</param>
    public ShopifyGraphQLClient(HttpClient httpClient, IOptions<ShopifyOptions> options, TimeProvider timeProvider, ILogger<ShopifyGraphQLClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        _logger = logger;
        _bucket = new ShopifyCostBucket(timeProvider);
        _pipeline = ShopifyResilience.Create(timeProvider);
        var baseUrl = !string.IsNullOrEmpty(_options.AdminBaseUrl) ? _options.AdminBaseUrl
            : !string.IsNullOrEmpty(_options.ShopDomain) ? $"https://{_options.ShopDomain}" : null;
        if (baseUrl is not null)
        {
            _baseUrl = new Uri(baseUrl.TrimEnd('/') + "/");
            _tokens = new ShopifyAccessTokens(httpClient, _options, _baseUrl, timeProvider);
        }
    }

    /// <summary>Requests sent and cost spent so far.</summary>
    public ShopifyRequestCounters Counters { get; } = new();

    /// <summary>Runs a document and returns its <c>data</c>.</summary>
    /// <typeparam name="TData">The shape of <c>data</c> (camelCase JSON).</typeparam>
    /// <param name="document">The document.</param>
    /// <param name="variables">Its variables (serialized camelCase), or null.</param>
    /// <param name="cancellationToken">Stops the request and any wait or retry.</param>
    /// <returns>The response's <c>data</c>.</returns>
    /// <exception cref="ShopifyGraphQLException">Shopify answered with errors other than throttling, or retries ran out.</exception>
    public async Task<TData> ExecuteAsync<TData>(ShopifyDocument document, object? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_baseUrl is null || _tokens is null)
        {
            throw new ShopifyGraphQLException("Shopify is not configured: set Shopify__ShopDomain (or Shopify__AdminBaseUrl) and Shopify__AccessToken.");
        }

        var endpoint = new Uri(_baseUrl, $"admin/api/{_options.ApiVersion}/graphql.json");
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendAsync<TData>(endpoint, _tokens, document, variables, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ShopifyTransientException exception)
        {
            throw new ShopifyGraphQLException(document.Name, [$"still failing after retries: {exception.Message}"], exception.StatusCode, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            throw new ShopifyGraphQLException(document.Name, [$"still failing after retries: {exception.Message}"], null, exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokens?.Dispose();

    private async ValueTask<TData> SendAsync<TData>(Uri endpoint, ShopifyAccessTokens tokens, ShopifyDocument document, object? variables, CancellationToken cancellationToken)
    {
        var expectedCost = _requestedCostByDocument.TryGetValue(document.Name, out var known) ? known : document.EstimatedCost;
        var reserved = await _bucket.ReserveAsync(expectedCost, cancellationToken).ConfigureAwait(false);
        var observed = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = JsonContent.Create(new GraphQLRequest(document.Text, variables), options: s_json),
            };
            request.Headers.Add("X-Shopify-Access-Token", await tokens.GetAsync(cancellationToken).ConfigureAwait(false));
            Counters.AddRequest();
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await ThrowIfHttpFailureAsync(response, tokens, document, cancellationToken).ConfigureAwait(false);

            var envelope = await response.Content.ReadFromJsonAsync<GraphQLEnvelope>(s_json, cancellationToken).ConfigureAwait(false)
                ?? throw new ShopifyGraphQLException(document.Name, ["the response body is empty"], null);
            if (envelope.Extensions?.Cost is { } cost)
            {
                _requestedCostByDocument[document.Name] = cost.RequestedQueryCost;
                Counters.AddCost(cost.ActualQueryCost ?? 0);
                if (cost.ThrottleStatus is { } status)
                {
                    _bucket.Observe(status, reserved);
                    observed = true;
                }
            }

            var errors = GraphQLErrors.Read(envelope.Errors);
            if (errors.IsThrottled)
            {
                Counters.AddThrottled();
                LogThrottled(document.Name, expectedCost);
                throw new ShopifyTransientException("Throttled", null);
            }

            if (errors.Messages.Count > 0)
            {
                throw new ShopifyGraphQLException(document.Name, errors.Messages, null);
            }

            return envelope.Data is { ValueKind: JsonValueKind.Object } data
                ? data.Deserialize<TData>(s_json) ?? throw new ShopifyGraphQLException(document.Name, ["the response's data is null"], null)
                : throw new ShopifyGraphQLException(document.Name, ["the response has no data"], null);
        }
        finally
        {
            if (!observed)
            {
                _bucket.Release(reserved);
            }
        }
    }

    private async Task ThrowIfHttpFailureAsync(HttpResponseMessage response, ShopifyAccessTokens tokens, ShopifyDocument document, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        LogHttpFailure(document.Name, status);
        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            Counters.AddThrottled();
        }

        if (status == (int)HttpStatusCode.TooManyRequests || status >= 500)
        {
            throw new ShopifyTransientException($"HTTP {status}", status);
        }

        if (status == (int)HttpStatusCode.Unauthorized && tokens.UsesGrant)
        {
            // A granted token can expire early (revoked, clock skew): fetch another and try again.
            tokens.Invalidate();
            throw new ShopifyTransientException("HTTP 401 with a granted token", status);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new ShopifyGraphQLException(document.Name, [GraphQLErrors.FromBody(body)], status);
    }

    [LoggerMessage(1, LogLevel.Information, "Shopify throttled {Document} (expected cost {ExpectedCost}); retrying")]
    private partial void LogThrottled(string document, double expectedCost);

    [LoggerMessage(2, LogLevel.Warning, "Shopify answered {Document} with HTTP {StatusCode}")]
    private partial void LogHttpFailure(string document, int statusCode);

    private sealed record GraphQLRequest(string Query, object? Variables);
}
