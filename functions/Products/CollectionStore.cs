using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Products;

/// <summary>
/// Product–collection associations (table <c>collectionproducts</c>): PartitionKey = the collection's handle, RowKey =
/// the product's normalized SKU, with its original SKU, Shopify id and title; so a collection's products are one
/// partition query, written in transactions of a collection's products.
/// </summary>
/// <remarks>Associations are upserts and conditional-free deletes of rows the product left, so a repeated pull writes the same rows.</remarks>
public sealed class CollectionStore(StorageClients storage) : ICollectionAssociations
{
    /// <summary>The table.</summary>
    public const string TableName = "collectionproducts";

    private const int TransactionsInFlight = 4;

    /// <inheritdoc />
    public async Task<int> RecordAsync(IReadOnlyList<(Product Product, IReadOnlyList<string> Before)> memberships, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var associations = 0;
        await using (var upserts = new TableUpsertBatcher(table, TransactionsInFlight))
        {
            foreach (var (product, _) in memberships)
            {
                foreach (var handle in product.Collections.Distinct(StringComparer.Ordinal))
                {
                    await upserts.AddAsync(Row(handle, product), binaryBytes: 0, cancellationToken).ConfigureAwait(false);
                    associations++;
                }
            }

            await upserts.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (product, before) in memberships)
        {
            foreach (var left in before.Except(product.Collections, StringComparer.Ordinal))
            {
                try
                {
                    await table.DeleteEntityAsync(TableKeyText.Escape(left), TableKeyText.Escape(product.Sku.Normalized), ETag.All, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException error) when (error.Status == 404)
                {
                    // Deleted by an earlier attempt.
                    continue;
                }
            }
        }

        return associations;
    }

    /// <summary>Every collection with its number of products, by handle.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The collections, ordered by handle.</returns>
    public async Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "Handle"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var handle = row.GetString("Handle") ?? row.PartitionKey;
            counts[handle] = counts.GetValueOrDefault(handle) + 1;
        }

        return [.. counts.Select(pair => new CollectionSummary(pair.Key, pair.Value))];
    }

    /// <summary>A collection's products, by SKU.</summary>
    /// <param name="handle">The collection's handle.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its products; empty for an unknown collection.</returns>
    public async Task<IReadOnlyList<CollectionProduct>> ProductsAsync(string handle, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var products = new List<CollectionProduct>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeyText.Escape(handle)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            products.Add(new CollectionProduct(row.GetString("Sku") ?? row.RowKey, row.GetString("ShopifyProductId"), row.GetString("Title")));
        }

        return products;
    }

    private static TableEntity Row(string handle, Product product) => new(TableKeyText.Escape(handle), TableKeyText.Escape(product.Sku.Normalized))
    {
        ["Handle"] = handle,
        ["Sku"] = product.Sku.Original,
        ["ShopifyProductId"] = product.ShopifyProductId,
        ["Title"] = product.Title,
    };
}
