using System.Runtime.CompilerServices;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Exports every store product with one bulk query (ExportProducts.bulk.graphql): start it, poll its status, then
/// stream the JSONL result line by line into <see cref="Product"/>s mapped as <see cref="ShopifyCatalog"/> maps them.
/// For large imports, where paging FindProducts would wait on the cost bucket for hours.
/// </summary>
/// <remarks>
/// Read-only, but Shopify runs one bulk query per app and shop at a time: a second start fails with
/// <c>OPERATION_IN_PROGRESS</c>, and an export that times out cancels its operation so the next one can start.
/// </remarks>
public sealed partial class ShopifyBulkExport
{
    private static readonly ShopifyDocument s_runBulkQuery = ShopifyDocument.Load("RunBulkQuery", estimatedCost: 10);
    private static readonly ShopifyDocument s_status = ShopifyDocument.Load("BulkOperationStatus", estimatedCost: 1);
    private static readonly ShopifyDocument s_cancel = ShopifyDocument.Load("CancelBulkOperation", estimatedCost: 10);

    private readonly ShopifyGraphQLClient _client;
    private readonly HttpClient _downloads;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ShopifyBulkExport> _logger;
    private readonly string _exportQuery;

    /// <summary>Creates the export.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="downloads">Fetches result files; they are signed URLs, so no Shopify token is sent.</param>
    /// <param name="timeProvider">The clock polls wait on and timeouts are measured by.</param>
    /// <param name="logger">The logger.</param>
    public ShopifyBulkExport(ShopifyGraphQLClient client, HttpClient downloads, TimeProvider timeProvider, ILogger<ShopifyBulkExport> logger)
        : this(client, downloads, timeProvider, logger, ShopifyDocument.Load("ExportProducts.bulk", estimatedCost: 0).Text)
    {
    }

    /// <summary>The push's export: ReadProducts.bulk.graphql, which adds each product's collection handles.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="downloads">Fetches result files; they are signed URLs, so no Shopify token is sent.</param>
    /// <param name="timeProvider">The clock polls wait on and timeouts are measured by.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The export.</returns>
    public static ShopifyBulkExport WithCollections(ShopifyGraphQLClient client, HttpClient downloads, TimeProvider timeProvider, ILogger<ShopifyBulkExport> logger)
        => new(client, downloads, timeProvider, logger, ShopifyDocument.Load("ReadProducts.bulk", estimatedCost: 0).Text);

    /// <summary>Creates the export with another bulk query (tests make one that fails).</summary>
    internal ShopifyBulkExport(ShopifyGraphQLClient client, HttpClient downloads, TimeProvider timeProvider, ILogger<ShopifyBulkExport> logger, string exportQuery)
    {
        _client = client;
        _downloads = downloads;
        _timeProvider = timeProvider;
        _logger = logger;
        _exportQuery = exportQuery;
    }

    /// <summary>Starts the bulk query.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The bulk operation's GID.</returns>
    /// <exception cref="ShopifyBulkOperationException">Shopify refused it, e.g. <c>OPERATION_IN_PROGRESS</c> when a bulk query is already running.</exception>
    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var payload = (await _client.ExecuteAsync<RunBulkQueryData>(s_runBulkQuery, new { query = _exportQuery }, cancellationToken).ConfigureAwait(false)).BulkOperationRunQuery;
        if (payload.UserErrors is [var error, ..])
        {
            throw new ShopifyBulkOperationException($"Shopify refused to start the product export ({error.Code ?? "no code"}): {error.Message}", null, error.Code);
        }

        var id = payload.BulkOperation?.Id ?? throw new ShopifyBulkOperationException("Shopify started no bulk operation and gave no reason.");
        LogStarted(id);
        return id;
    }

    /// <summary>A bulk operation's status.</summary>
    /// <param name="id">The operation's GID (from <see cref="StartAsync"/>).</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>Its status, object count, result URL and error code.</returns>
    /// <exception cref="ShopifyBulkOperationException">No bulk operation has that id.</exception>
    public async Task<ShopifyBulkStatus> GetStatusAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var node = (await _client.ExecuteAsync<BulkOperationStatusData>(s_status, new { id }, cancellationToken).ConfigureAwait(false)).Node;
        if (node?.Id is null || !Enum.TryParse<ShopifyBulkOperationStatus>(node.Status, ignoreCase: true, out var status))
        {
            throw new ShopifyBulkOperationException($"Shopify has no bulk operation {id} (status {node?.Status ?? "none"}).", id, null);
        }

        return new ShopifyBulkStatus(node.Id, status, node.ObjectCount, node.Url, node.ErrorCode);
    }

    /// <summary>Streams a completed operation's result file as products, one JSONL line at a time.</summary>
    /// <param name="url">The status's <see cref="ShopifyBulkStatus.Url"/>.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>Each store product whose first variant has a SKU, once.</returns>
    /// <exception cref="ShopifyBulkOperationException">The download failed or a line is malformed.</exception>
    public async IAsyncEnumerable<Product> ReadResultAsync(Uri url, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var product in ReadStoreProductsAsync(url, cancellationToken).ConfigureAwait(false))
        {
            yield return product.Product;
        }
    }

    /// <summary>As <see cref="ExportAsync"/>, with each product's <c>updatedAt</c> and collections (the push's re-read).</summary>
    /// <param name="pollInterval">How long to wait between status checks.</param>
    /// <param name="timeout">How long to wait for the operation before canceling it.</param>
    /// <param name="cancellationToken">Stops waiting and reading.</param>
    /// <returns>Every store product whose first variant has a SKU, once.</returns>
    /// <exception cref="ShopifyBulkOperationException">As <see cref="ExportAsync"/>.</exception>
    /// <exception cref="TimeoutException">As <see cref="ExportAsync"/>.</exception>
    public async IAsyncEnumerable<StoreProduct> ExportStoreProductsAsync(TimeSpan pollInterval, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var id = await StartAsync(cancellationToken).ConfigureAwait(false);
        var status = await WaitAsync(id, pollInterval, timeout, cancellationToken).ConfigureAwait(false);
        if (status.Url is null)
        {
            yield break;
        }

        await foreach (var product in ReadStoreProductsAsync(status.Url, cancellationToken).ConfigureAwait(false))
        {
            yield return product;
        }
    }

    private async IAsyncEnumerable<StoreProduct> ReadStoreProductsAsync(Uri url, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var response = await _downloads.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The URL is signed: name the host only.
            throw new ShopifyBulkOperationException($"Downloading the bulk result from {url.Host} failed: HTTP {(int)response.StatusCode}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            await foreach (var node in ShopifyBulkProductLines.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (ShopifyProductMapper.Map(node) is { } mapped)
                {
                    yield return mapped;
                }
                else
                {
                    LogSkipped(node.Id);
                }
            }
        }
    }

    /// <summary>Starts the export, waits for it, and streams its products.</summary>
    /// <param name="pollInterval">How long to wait between status checks.</param>
    /// <param name="timeout">How long to wait for the operation before canceling it.</param>
    /// <param name="cancellationToken">Stops waiting and reading (the operation itself keeps running on Shopify).</param>
    /// <returns>Every store product whose first variant has a SKU, once.</returns>
    /// <exception cref="ShopifyBulkOperationException">It could not start, failed (with Shopify's error code), was canceled or expired, or its result is malformed.</exception>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (it is then canceled).</exception>
    public async IAsyncEnumerable<Product> ExportAsync(TimeSpan pollInterval, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var product in ExportStoreProductsAsync(pollInterval, timeout, cancellationToken).ConfigureAwait(false))
        {
            yield return product.Product;
        }
    }

    private async Task<ShopifyBulkStatus> WaitAsync(string id, TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var status = await GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            if (status.Status == ShopifyBulkOperationStatus.Completed)
            {
                LogCompleted(id, status.ObjectCount);
                return status;
            }

            if (status.IsFinished)
            {
                throw new ShopifyBulkOperationException(
                    $"The product export {id} ended {status.Status}{(status.ErrorCode is { } code ? $" with error {code}" : string.Empty)}.", id, status.ErrorCode);
            }

            if (_timeProvider.GetElapsedTime(started) >= timeout)
            {
                await CancelAsync(id, cancellationToken).ConfigureAwait(false);
                throw new TimeoutException($"The product export {id} did not finish within {timeout} ({status.Status}, {status.ObjectCount} objects); it was canceled.");
            }

            await Task.Delay(pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CancelAsync(string id, CancellationToken cancellationToken)
    {
        var payload = (await _client.ExecuteAsync<CancelBulkOperationData>(s_cancel, new { id }, cancellationToken).ConfigureAwait(false)).BulkOperationCancel;
        if (payload.UserErrors is [var error, ..])
        {
            // It may have finished meanwhile; the timeout still stands.
            LogCancelRefused(id, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Started Shopify bulk product export {OperationId}")]
    private partial void LogStarted(string operationId);

    [LoggerMessage(2, LogLevel.Information, "Shopify bulk product export {OperationId} completed with {ObjectCount} objects")]
    private partial void LogCompleted(string operationId, long objectCount);

    [LoggerMessage(3, LogLevel.Warning, "Skipped Shopify product {ProductId} in the bulk export: its first variant has no SKU")]
    private partial void LogSkipped(string productId);

    [LoggerMessage(4, LogLevel.Warning, "Shopify refused to cancel the timed-out bulk export {OperationId}: {Reason}")]
    private partial void LogCancelRefused(string operationId, string reason);
}
