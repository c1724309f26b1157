using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// The writes of one bulk batch, as decided when it was prepared (a claim check in the payload store): the updates
/// its bulk mutations write, in line order, and the writes left to one-by-one pushing.
/// </summary>
/// <param name="Bulk">Updates of bulk-writable fields only; every stage reads its lines from this list.</param>
/// <param name="OneByOne">Creates, stock and collection writes.</param>
public sealed record BulkBatchWrites(IReadOnlyList<PreparedWrite> Bulk, IReadOnlyList<PreparedWrite> OneByOne)
{
    /// <summary>The updates the bulk mutations write, in line order.</summary>
    /// <returns>The updates.</returns>
    public IReadOnlyList<ShopifyUpdate> BulkUpdates() => [.. Bulk.Select(write => write.Update!)];
}
