using Azure;
using Azure.Data.Tables;

namespace CowansSync.Functions.Storage;

/// <summary>Deletes the rows of a table last written before a time: the purge of logs that only need to cover a window.</summary>
internal static class TableRetention
{
    private const int PageSize = 1000;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    /// <summary>Deletes the rows whose <c>Timestamp</c> is before <paramref name="before"/>, a page at a time.</summary>
    /// <remarks>Safe to run twice or at once: a transaction that finds a row gone already leaves the rest of its rows to the next purge.</remarks>
    /// <param name="table">The table.</param>
    /// <param name="before">The cut-off.</param>
    /// <param name="cancellationToken">Stops the purge; what was deleted stays deleted.</param>
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> DeleteOlderThanAsync(TableClient table, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {before}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, PageSize, KeyColumns, cancellationToken).AsPages().ConfigureAwait(false))
        {
            var actions = page.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            foreach (var transaction in TableTransactions.Split(actions))
            {
                try
                {
                    await table.SubmitTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
                    deleted += transaction.Count;
                }
                catch (TableTransactionFailedException gone) when (gone.Status == 404)
                {
                    // A concurrent purge deleted one of them first.
                }
            }
        }

        return deleted;
    }
}
