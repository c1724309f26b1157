using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Polly;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// The Xorosoft (XoroERP) REST API: products, the paged item listing and inventory. Basic auth, the
/// <c>Result/Message/Data</c> envelope, retries through <see cref="XorosoftResilience"/>.
/// </summary>
/// <remarks>
/// Xorosoft throttles a caller with more than three requests in flight, answering HTTP 200 with <c>Result:false</c>
/// and empty Data. One instance is shared by the process, so its three slots bound the whole app; a slot is held
/// for one attempt only, never during a backoff wait.
/// </remarks>
public sealed partial class XorosoftClient : IDisposable
{
    /// <summary>Requests Xorosoft accepts at once from one caller.</summary>
    public const int MaxConcurrentRequests = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<XorosoftClient> _logger;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly SemaphoreSlim _slots = new(MaxConcurrentRequests, MaxConcurrentRequests);
    private long _requests;
    private long _throttled;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The transport; its timeout should exceed the pipeline's per-attempt timeout.</param>
    /// <param name="options">Base URL, API key and secret.</param>
    /// <param name="pipeline">The retry pipeline (<see cref="XorosoftResilience.Create"/>).</param>
    /// <param name="logger">The log.</param>
    /// <exception cref="InvalidOperationException">Xorosoft is not configured.</exception>
    public XorosoftClient(HttpClient http, XorosoftOptions options, ResiliencePipeline pipeline, ILogger<XorosoftClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BaseUrl) || string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(options.ApiSecret))
        {
            throw new InvalidOperationException("Xorosoft is not configured: set Xorosoft__BaseUrl, Xorosoft__ApiKey and Xorosoft__ApiSecret.");
        }

        _http = http;
        _pipeline = pipeline;
        _logger = logger;
        _baseUri = new Uri(options.BaseUrl.TrimEnd('/') + "/");
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKey}:{options.ApiSecret}")));
    }

    /// <summary>Requests sent to Xorosoft by this instance, retries included.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Throttled answers this instance received (each was retried).</summary>
    public long ThrottledCount => Interlocked.Read(ref _throttled);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>The items (variants) of one product.</summary>
    /// <param name="basePartNumber">The base part number.</param>
    /// <param name="cancellationToken">Stops the request and its retries.</param>
    /// <returns>The items; empty when Xorosoft has no such product (not an error).</returns>
    /// <exception cref="XorosoftApiException">Refused credentials, another permanent refusal, or retries exhausted.</exception>
    public async Task<IReadOnlyList<XorosoftItem>> GetProductAsync(string basePartNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basePartNumber);
        var data = await GetAsync<XorosoftProductDto>($"api/xerp/product/getproduct?base_part_number={Uri.EscapeDataString(basePartNumber.Trim())}", allowEmptyFailure: true, cancellationToken);
        return ToItems(data);
    }

    /// <summary>One page of the item listing the mirror copies; loop until a page is empty (TotalPages is not trustworthy).</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">Products per page, at most 500.</param>
    /// <param name="cancellationToken">Stops the request and its retries.</param>
    /// <returns>The items of the page's products; empty past the end.</returns>
    /// <exception cref="XorosoftApiException">Refused credentials, another refusal, or retries exhausted.</exception>
    public async Task<IReadOnlyList<XorosoftItem>> ListProductsAsync(int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, 500);
        var data = await GetAsync<XorosoftProductDto>(string.Create(CultureInfo.InvariantCulture, $"api/xerp/product/getproduct?page={page}&per_page={perPage}"), allowEmptyFailure: false, cancellationToken);
        return ToItems(data);
    }

    /// <summary>An item's available stock per store.</summary>
    /// <param name="itemNumber">The item number.</param>
    /// <param name="stores">The store codes to ask for; empty for all.</param>
    /// <param name="cancellationToken">Stops the request and its retries.</param>
    /// <returns>One row per store; empty when Xorosoft has no such item (not an error).</returns>
    /// <exception cref="XorosoftApiException">Refused credentials, another permanent refusal, or retries exhausted.</exception>
    public async Task<IReadOnlyList<XorosoftStoreStock>> GetInventoryAsync(string itemNumber, IReadOnlyCollection<string> stores, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemNumber);
        ArgumentNullException.ThrowIfNull(stores);
        var query = $"api/xerp/inventory/getinventorybyitem?item_number={Uri.EscapeDataString(itemNumber.Trim())}";
        if (stores.Count > 0)
        {
            query += $"&store={Uri.EscapeDataString(string.Join(',', stores))}";
        }

        var data = await GetAsync<XorosoftInventoryDto>(query, allowEmptyFailure: true, cancellationToken);
        return [.. data.Where(row => row.StoreName is not null).Select(StockOf)];
    }

    /// <summary>One page of every item's available stock in every store, for the mirror; loop until a page is empty.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">Items per page, at most 500.</param>
    /// <param name="cancellationToken">Stops the request and its retries.</param>
    /// <returns>One row per item and store; empty past the end.</returns>
    /// <exception cref="XorosoftApiException">Refused credentials, another refusal (e.g. an API that wants an item named), or retries exhausted.</exception>
    public async Task<IReadOnlyList<XorosoftItemStock>> ListInventoryAsync(int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, 500);
        var data = await GetAsync<XorosoftInventoryDto>(string.Create(CultureInfo.InvariantCulture, $"api/xerp/inventory/getinventorybyitem?page={page}&per_page={perPage}"), allowEmptyFailure: false, cancellationToken);
        return [.. data.Where(row => row.ItemNumber is not null && row.StoreName is not null).Select(row => new XorosoftItemStock(row.ItemNumber!, StockOf(row)))];
    }

    private static XorosoftStoreStock StockOf(XorosoftInventoryDto row) => new(row.StoreName!, (int)Math.Clamp(row.AvailableQty ?? 0m, int.MinValue, int.MaxValue));

    private async Task<IReadOnlyList<T>> GetAsync<T>(string relativeUri, bool allowEmptyFailure, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, relativeUri);
        try
        {
            return await _pipeline.ExecuteAsync(async token => await SendOnceAsync<T>(uri, allowEmptyFailure, token), cancellationToken);
        }
        catch (XorosoftTransientException error)
        {
            throw new XorosoftApiException($"Xorosoft kept failing at {uri.AbsolutePath}: {error.Message}", innerException: error);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new XorosoftApiException($"Xorosoft could not be reached at {uri.AbsolutePath}: {error.Message}", innerException: error);
        }
    }

    private async Task<IReadOnlyList<T>> SendOnceAsync<T>(Uri uri, bool allowEmptyFailure, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            ThrowOnStatus(response.StatusCode, uri);
            XorosoftEnvelope<T>? envelope;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<XorosoftEnvelope<T>>(Json, cancellationToken);
            }
            catch (JsonException error)
            {
                // Xorosoft's rate limiting and auth redirects have been seen to answer with HTML; both pass.
                throw new XorosoftTransientException($"the body is not Xorosoft's JSON envelope ({error.Message})");
            }

            return Unwrap(envelope ?? throw new XorosoftTransientException("the body is empty"), uri, allowEmptyFailure);
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Xorosoft throttled {Endpoint}; retrying")]
    private partial void LogThrottled(string endpoint);
}
