using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>Records changes the store now holds: each one's version and local product, then the changes applied, and
/// for rollbacks, the changes they undid rolled back.</summary>
/// <remarks>
/// Each write is idempotent (a version per change id, a product kept unless newer, conditional moves), and the changes
/// become applied last: a crash before that leaves them applying, and the next attempt finds the store already holding
/// the values and records the same versions again — once.
/// </remarks>
public sealed class AppliedChanges(IProductVersionStore versions, IProductStore products, IStagedChangeStore staged, TimeProvider timeProvider)
{
    /// <summary>Records applied changes.</summary>
    /// <param name="applied">Each change with the product as the store now holds it, with its ids.</param>
    /// <param name="actor">Who pushed them.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when everything is recorded.</returns>
    public async Task RecordAsync(IReadOnlyList<(StagedChange Change, Product Written)> applied, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var written = applied.ToDictionary(pair => pair.Change.ChangeId, pair => pair.Written, StringComparer.Ordinal);
        await Parallel.ForEachAsync(applied, new ParallelOptions { MaxDegreeOfParallelism = BatchPusher.ParallelRecords, CancellationToken = cancellationToken }, async (pair, token) =>
        {
            var (change, product) = pair;
            var version = await versions.RecordAsync(product, change.ChangeId, SourceOf(change.Direction), change.Direction, actor, token);
            await products.SaveAsync(product with { LastSyncedVersion = version.Number, LastSyncedHash = version.Hash }, token);
        });

        var now = timeProvider.GetUtcNow();
        await staged.TransitionManyAsync([.. applied.Select(pair => pair.Change)], change => change.MarkApplied(now, written[change.ChangeId]), cancellationToken);
        var undone = applied.Select(pair => pair.Change.RollsBack).OfType<string>().ToList();
        if (undone.Count > 0)
        {
            var rolledBack = await staged.GetManyAsync(undone, cancellationToken);
            await staged.TransitionManyAsync([.. rolledBack.Values], change => change.MarkRolledBack(), cancellationToken);
        }
    }

    private static SourceSystem SourceOf(ChangeDirection direction) => direction switch
    {
        ChangeDirection.EtilizeImport => SourceSystem.Etilize,
        ChangeDirection.XorosoftInventory => SourceSystem.Xorosoft,
        ChangeDirection.PullFromShopify => SourceSystem.Shopify,
        _ => SourceSystem.Manual,
    };
}
