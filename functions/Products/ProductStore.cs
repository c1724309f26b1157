using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Products;

/// <summary>
/// The local catalog in table <c>products</c>: PartitionKey = one of <see cref="Buckets"/> buckets (<c>p~NN</c>) of the
/// normalized SKU, RowKey = that SKU escaped for a key, the product as compressed JSON, with its Shopify product id as
/// a column for the <c>products/delete</c> webhook, which names only the id.
/// </summary>
/// <remarks>
/// A save is conditional on the ETag it read (an insert when the product is new), so of concurrent saves none is lost
/// unseen: the loser re-reads and is judged against the winner. A save whose <see cref="Product.LastSyncedVersion"/>
/// is older than the stored one is dropped, so a late repeat of an older push cannot undo a newer one.
/// </remarks>
public sealed partial class ProductStore(StorageClients storage, ILogger<ProductStore> logger) : IProductStore
{
    /// <summary>The table.</summary>
    public const string TableName = "products";

    /// <summary>How many partitions the catalog is spread over; never change it for an existing table.</summary>
    public const int Buckets = 16;

    private const string Prefix = "p";
    private const string LastSyncedVersionColumn = "LastSyncedVersion";
    private const string ShopifyIdColumn = "ShopifyProductId";
    private const string SkuColumn = "Sku";
    private const int MaxAttempts = 50;
    private const int MaxQueryPage = 1000;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey", SkuColumn];

    /// <inheritdoc />
    public async Task SaveAsync(Product product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(product.Sku);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (stored.HasValue && (stored.Value!.GetInt32(LastSyncedVersionColumn) ?? 0) > (product.LastSyncedVersion ?? 0))
            {
                LogKeptNewer(product.Sku.Normalized, product.LastSyncedVersion);
                return;
            }

            var entity = ToEntity(product, partition, row);
            try
            {
                await (stored.HasValue
                    ? table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(entity, cancellationToken)).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException error) when (error.Status is 409 or 412 && attempt < MaxAttempts)
            {
                LogLostRace(product.Sku.Normalized, attempt);
            }
        }
    }

    /// <inheritdoc />
    public async Task<Product?> GetAsync(Sku sku, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(sku);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored.HasValue ? CompressedJsonParts.Read<Product>(stored.Value!, "Product") : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A query of the column over the whole table: deletions are rare, and an index kept beside the catalog would cost
    /// every save a second write.
    /// </remarks>
    public async Task<Sku?> FindByShopifyIdAsync(string shopifyProductId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (from, to) = TableBuckets.Range(Prefix);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and ShopifyProductId eq {shopifyProductId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxQueryPage, KeyColumns, cancellationToken).ConfigureAwait(false))
        {
            return Sku.Parse(row.GetString(SkuColumn));
        }

        return null;
    }

    /// <summary>One page of the catalog, ordered by SKU key.</summary>
    /// <remarks>Reads only the keys of every product, then just the page's records.</remarks>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The page and the catalog's size.</returns>
    public async Task<ProductPage> ListAsync(int page, int perPage, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var keys = await KeysAsync(table, cancellationToken).ConfigureAwait(false);
        var wanted = keys.OrderBy(key => key.Row, StringComparer.Ordinal).Skip((page - 1) * perPage).Take(perPage).ToList();
        var items = new Product?[wanted.Count];
        await Parallel.ForAsync(0, wanted.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(wanted[i].Partition, wanted[i].Row, cancellationToken: token).ConfigureAwait(false);
            items[i] = row.HasValue ? CompressedJsonParts.Read<Product>(row.Value!, "Product") : null;
        }).ConfigureAwait(false);
        return new ProductPage([.. items.OfType<Product>()], keys.Count);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Sku>> ListSkusAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = await KeysAsync(table, cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(row => row.Row, StringComparer.Ordinal).Select(row => Sku.Parse(row.Sku))];
    }

    // Every product's keys and SKU, without the products.
    private static async Task<List<(string Partition, string Row, string? Sku)>> KeysAsync(TableClient table, CancellationToken cancellationToken)
    {
        var (from, to) = TableBuckets.Range(Prefix);
        var keys = new List<(string Partition, string Row, string? Sku)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        await foreach (var key in table.QueryAsync<TableEntity>(filter, MaxQueryPage, KeyColumns, cancellationToken).ConfigureAwait(false))
        {
            keys.Add((key.PartitionKey, key.RowKey, key.GetString(SkuColumn)));
        }

        return keys;
    }

    private static (string Partition, string Row) Keys(Sku sku)
    {
        var row = TableKeyText.Escape(sku.Normalized);
        return (TableBuckets.Partition(Prefix, sku.Normalized, Buckets), row);
    }

    private static TableEntity ToEntity(Product product, string partition, string row)
    {
        var entity = new TableEntity(partition, row)
        {
            [SkuColumn] = product.Sku.Normalized,
            [ShopifyIdColumn] = product.ShopifyProductId,
            [LastSyncedVersionColumn] = product.LastSyncedVersion,
            ["LastSyncedHash"] = product.LastSyncedHash,
        };
        CompressedJsonParts.Write(entity, CompressedJsonParts.Compress(product), $"Product {product.Sku}");
        return entity;
    }

    [LoggerMessage(1, LogLevel.Debug, "Product {Sku} is stored at a later version than {LastSyncedVersion}; kept as it is")]
    private partial void LogKeptNewer(string sku, int? lastSyncedVersion);

    [LoggerMessage(2, LogLevel.Debug, "Product {Sku} changed while being saved (attempt {Attempt}); re-reading")]
    private partial void LogLostRace(string sku, int attempt);
}
