using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Which orchestration polls which Shopify bulk operation (table <c>bulkoperationwaiters</c>, RowKey = the operation's
/// GID escaped, column <c>InstanceId</c>), so the <c>bulk_operations/finish</c> webhook can wake it. Rows are purged
/// with the runs (<c>PurgeRuns</c>).
/// </summary>
public sealed class BulkOperationWaiters(StorageClients storage) : IBulkOperationWaiters
{
    /// <summary>The table.</summary>
    public const string TableName = "bulkoperationwaiters";

    private const int Buckets = 16;
    private const string Prefix = "op";
    private const string InstanceColumn = "InstanceId";

    /// <inheritdoc />
    public async Task RecordAsync(string operationId, string instanceId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(operationId);
        await table.UpsertEntityAsync(new TableEntity(partition, row) { [InstanceColumn] = instanceId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The orchestration that polls the operation.</summary>
    /// <param name="operationId">The operation's GID.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its instance id, or <see langword="null"/> when none recorded a wait for it.</returns>
    public async Task<string?> FindAsync(string operationId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(operationId);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, [InstanceColumn], cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString(InstanceColumn) : null;
    }

    /// <summary>Forgets the waits recorded before <paramref name="before"/>: their runs are purged too.</summary>
    /// <param name="before">The retention's cut-off.</param>
    /// <param name="cancellationToken">Stops the purge.</param>
    /// <returns>How many waits were forgotten.</returns>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        return await TableRetention.DeleteOlderThanAsync(table, before, cancellationToken).ConfigureAwait(false);
    }

    private static (string Partition, string Row) Keys(string operationId)
    {
        var row = TableKeyText.Escape(operationId);
        return (TableBuckets.Partition(Prefix, row, Buckets), row);
    }
}
