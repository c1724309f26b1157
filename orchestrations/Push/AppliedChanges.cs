using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>Records a change the store now holds: its version, the local product, the change applied, and for a
/// rollback, the change it undid rolled back.</summary>
/// <remarks>
/// Each write is idempotent (a version per change id, a product kept unless newer, conditional moves), and the change
/// becomes applied last: a crash before that leaves it applying, and the next attempt finds the store already holding
/// the values and records the same version again — once.
/// </remarks>
public sealed class AppliedChanges(IProductVersionStore versions, IProductStore products, IStagedChangeStore staged, TimeProvider timeProvider)
{
    /// <summary>Records an applied change.</summary>
    /// <param name="change">The change.</param>
    /// <param name="written">The product as the store now holds it, with its ids.</param>
    /// <param name="actor">Who pushed it.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when everything is recorded.</returns>
    public async Task RecordAsync(StagedChange change, Product written, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(written);
        var version = await versions.RecordAsync(written, change.ChangeId, SourceOf(change.Direction), change.Direction, actor, cancellationToken);
        await products.SaveAsync(written with { LastSyncedVersion = version.Number, LastSyncedHash = version.Hash }, cancellationToken);
        var now = timeProvider.GetUtcNow();
        await staged.TryTransitionAsync(change.ChangeId, c => c.MarkApplied(now, written), cancellationToken);
        if (change.RollsBack is { } undone)
        {
            await staged.TryTransitionAsync(undone, c => c.MarkRolledBack(), cancellationToken);
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
