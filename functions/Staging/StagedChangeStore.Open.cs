using Azure.Data.Tables;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>The changes not yet pushed, for a pull to check against the store.</summary>
public sealed partial class StagedChangeStore
{
    private static readonly string[] OpenKeyColumns = ["RowKey", "RunId", "Sku"];

    /// <summary>The keys of every pending or approved change: one scan reading three small columns a row.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Each open change's id, run and normalized SKU.</returns>
    public async Task<IReadOnlyList<OpenChangeKey>> ListOpenKeysAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"Status eq {WireName.Of(ChangeStatus.Pending)} or Status eq {WireName.Of(ChangeStatus.Approved)}");
        var keys = new List<OpenChangeKey>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxQueryPage, OpenKeyColumns, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("RunId") is { } runId && row.GetString("Sku") is { } sku)
            {
                keys.Add(new OpenChangeKey(row.RowKey, runId, sku));
            }
        }

        return keys;
    }

    /// <summary>Reads changes whose runs are known, each partition's as a range.</summary>
    /// <param name="keys">The changes.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The changes found, by id.</returns>
    public async Task<IReadOnlyDictionary<string, StagedChange>> GetManyAsync(IReadOnlyCollection<OpenChangeKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var runs = keys.DistinctBy(key => key.ChangeId, StringComparer.Ordinal).ToDictionary(key => key.ChangeId, key => key.RunId, StringComparer.Ordinal);
        var read = await ReadManyAsync(runs, cancellationToken).ConfigureAwait(false);
        return read.ToDictionary(pair => pair.Key, pair => pair.Value.Change, StringComparer.Ordinal);
    }
}
