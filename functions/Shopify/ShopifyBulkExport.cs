using System.Runtime.CompilerServices;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Exports every store product with one bulk query (ExportProducts.bulk.graphql): start it, ask its status until it
/// completes (the caller waits between asks, on a durable timer), then stream the JSONL result line by line into
/// <see cref="Product"/>s mapped as <see cref="ShopifyCatalog"/> maps them. For large imports and pushes, where paging
/// FindProducts or ReadProducts would wait on the cost bucket for hours.
/// </summary>
/// <remarks>
/// Read-only, but Shopify runs one bulk query per app and shop at a time: a second start fails with
/// <c>OPERATION_IN_PROGRESS</c>.
/// </remarks>
public sealed partial class ShopifyBulkExport
{
    private static readonly ShopifyDocument s_runBulkQuery = ShopifyDocument.Load("RunBulkQuery", estimatedCost: 10);
    private static readonly ShopifyDocument s_status = ShopifyDocument.Load("BulkOperationStatus", estimatedCost: 1);

    private readonly ShopifyGraphQLClient _client;
    private readonly HttpClient _downloads;
    private readonly ILogger<ShopifyBulkExport> _logger;
    private readonly string _exportQuery;

    /// <summary>Creates the export.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="downloads">Fetches result files; they are signed URLs, so no Shopify token is sent.</param>
    /// <param name="logger">The logger.</param>
    public ShopifyBulkExport(ShopifyGraphQLClient client, HttpClient downloads, ILogger<ShopifyBulkExport> logger)
        : this(client, downloads, logger, ShopifyDocument.Load("ExportProducts.bulk", estimatedCost: 0).Text)
    {
    }

    /// <summary>The push's export: ReadProducts.bulk.graphql, which adds each product's collection handles.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="downloads">Fetches result files; they are signed URLs, so no Shopify token is sent.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The export.</returns>
    public static ShopifyBulkExport WithCollections(ShopifyGraphQLClient client, HttpClient downloads, ILogger<ShopifyBulkExport> logger)
        => new(client, downloads, logger, ShopifyDocument.Load("ReadProducts.bulk", estimatedCost: 0).Text);

    /// <summary>Creates the export with another bulk query (tests make one that fails).</summary>
    internal ShopifyBulkExport(ShopifyGraphQLClient client, HttpClient downloads, ILogger<ShopifyBulkExport> logger, string exportQuery)
    {
        _client = client;
        _downloads = downloads;
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

    /// <summary>As <see cref="ReadResultAsync"/>, with each product's <c>updatedAt</c> and collections (the push's re-read).</summary>
    /// <param name="url">The status's <see cref="ShopifyBulkStatus.Url"/>.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>Each store product whose first variant has a SKU, once.</returns>
    /// <exception cref="ShopifyBulkOperationException">The download failed or a line is malformed.</exception>
    public async IAsyncEnumerable<StoreProduct> ReadStoreProductsAsync(Uri url, [EnumeratorCancellation] CancellationToken cancellationToken)
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

    [LoggerMessage(1, LogLevel.Information, "Started Shopify bulk product export {OperationId}")]
    private partial void LogStarted(string operationId);

    [LoggerMessage(3, LogLevel.Warning, "Skipped Shopify product {ProductId} in the bulk export: its first variant has no SKU")]
    private partial void LogSkipped(string productId);

}
