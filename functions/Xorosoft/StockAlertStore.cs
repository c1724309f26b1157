using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// Out-of-stock alerts in table <c>stockalerts</c>: one row per product ever alerted (16 partitions by SKU, RowKey = the
/// SKU escaped), holding its latest alert — open while the product is out of stock, resolved once a sync finds it back.
/// </summary>
public sealed class StockAlertStore(StorageClients storage) : IStockAlerts
{
    /// <summary>The table.</summary>
    public const string TableName = "stockalerts";

    private const int Buckets = 16;
    private const string Prefix = "a";
    private const string Open = "open";
    private const string Resolved = "resolved";

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ListOpenAsync(CancellationToken cancellationToken)
        => (await ListAsync(Open, cancellationToken).ConfigureAwait(false)).Select(alert => alert.Sku).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task OpenAsync(IReadOnlyList<StockAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            var (partition, row) = Keys(alert.Sku);
            await table.UpsertEntityAsync(
                new TableEntity(partition, row)
                {
                    ["Sku"] = alert.Sku.Normalized,
                    ["Quantity"] = alert.Quantity,
                    ["Threshold"] = alert.Threshold,
                    ["RunId"] = alert.RunId,
                    ["OpenedAt"] = alert.At,
                    ["Status"] = Open,
                },
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task ResolveAsync(IReadOnlyList<Sku> skus, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var sku in skus)
        {
            var (partition, row) = Keys(sku);
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (stored.HasValue && stored.Value!.GetString("Status") == Open)
            {
                try
                {
                    await table.UpdateEntityAsync(new TableEntity(partition, row) { ["Status"] = Resolved, ["ResolvedAt"] = at }, stored.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException error) when (error.Status == 412)
                {
                    // Opened again by a later sync meanwhile: its alert stands.
                }
            }
        }
    }

    /// <summary>The alerts in a status, latest first.</summary>
    /// <param name="status"><c>open</c>, <c>resolved</c>, or <see langword="null"/> for both.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The alerts.</returns>
    public async Task<IReadOnlyList<StockAlertView>> ListAsync(string? status, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (from, to) = TableBuckets.Range(Prefix);
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and Status eq {status}");
        var alerts = new List<StockAlertView>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(new StockAlertView(
                row.GetString("Sku") ?? row.RowKey, row.GetString("Status") ?? Open, row.GetInt32("Quantity") ?? 0, row.GetInt32("Threshold") ?? 0,
                row.GetString("RunId"), row.GetDateTimeOffset("OpenedAt"), row.GetDateTimeOffset("ResolvedAt")));
        }

        return [.. alerts.OrderByDescending(alert => alert.OpenedAt).ThenBy(alert => alert.Sku, StringComparer.Ordinal)];
    }

    private static (string Partition, string Row) Keys(Sku sku)
    {
        var row = TableKeyText.Escape(sku.Normalized);
        return (TableBuckets.Partition(Prefix, sku.Normalized, Buckets), row);
    }
}

/// <summary>An out-of-stock alert as the API lists it.</summary>
/// <param name="Sku">The product.</param>
/// <param name="Status"><c>open</c> while it is out of stock, then <c>resolved</c>.</param>
/// <param name="Quantity">Its Xorosoft stock when the alert opened.</param>
/// <param name="Threshold">The threshold it was at or below.</param>
/// <param name="RunId">The inventory sync that opened it.</param>
/// <param name="OpenedAt">When.</param>
/// <param name="ResolvedAt">When a sync found it back in stock.</param>
public sealed record StockAlertView(string Sku, string Status, int Quantity, int Threshold, string? RunId, DateTimeOffset? OpenedAt, DateTimeOffset? ResolvedAt);
