using Azure.Data.Tables;

namespace CowansSync.Functions.Storage;

/// <summary>The Table service's limits on one entity group transaction, and actions split to fit them.</summary>
internal static class TableTransactions
{
    /// <summary>The most actions one transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>
    /// The most bytes to put in one transaction: the service takes 4 MiB, binary travels as base64 (4/3) and each part
    /// has its own headers.
    /// </summary>
    public const long MaxBytes = 3L * 1024 * 1024;

    private const int EntityOverheadBytes = 1024;

    /// <summary>About how many bytes an entity takes in a transaction, given the bytes of its binary properties.</summary>
    /// <param name="binaryBytes">Bytes of its binary properties.</param>
    /// <returns>The estimate.</returns>
    public static long SizeOf(long binaryBytes) => (binaryBytes * 4 / 3) + EntityOverheadBytes;

    /// <summary>Splits actions of any partitions into transactions: one partition each, within the limits.</summary>
    /// <param name="actions">The actions; each entity's keys at most once.</param>
    /// <returns>The transactions, each partition's in the order its actions came.</returns>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var partition in actions.GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var transaction = new List<TableTransactionAction>();
            var bytes = 0L;
            foreach (var action in partition)
            {
                var size = SizeOf(action.Entity is TableEntity entity ? entity.Select(property => property.Value).OfType<byte[]>().Sum(value => (long)value.Length) : 0);
                if (transaction.Count == MaxActions || (transaction.Count > 0 && bytes + size > MaxBytes))
                {
                    yield return transaction;
                    (transaction, bytes) = ([], 0);
                }

                transaction.Add(action);
                bytes += size;
            }

            yield return transaction;
        }
    }
}
