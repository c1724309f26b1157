using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Push;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// The sync workflows' run kinds and the direction each syncs in (the API's <c>sync_direction</c>): the one map
/// between a run and the seeds' batch directions.
/// </summary>
public static class RunKinds
{
    /// <summary>An Etilize catalog import.</summary>
    public const string EtilizeImport = ImportPhases.Kind;

    /// <summary>Approved changes pushed to Shopify.</summary>
    public const string ShopifyPush = PushPhases.Kind;

    /// <summary>Shopify's products pulled and staged.</summary>
    public const string ShopifyPull = "shopify_pull";

    /// <summary>Xorosoft's stock and costs synced.</summary>
    public const string XorosoftInventory = "xorosoft_inventory";

    /// <summary>A schedule's steps run in order (not a sync of its own: its steps are).</summary>
    public const string ScheduledSync = "scheduled_sync";

    /// <summary>An applied change rolled back (not a sync: it restores a before-image through a push of its own).</summary>
    public const string Rollback = "rollback";

    private static readonly Dictionary<string, ChangeDirection> Directions = new(StringComparer.Ordinal)
    {
        [EtilizeImport] = ChangeDirection.EtilizeImport,
        [ShopifyPush] = ChangeDirection.PushToShopify,
        [ShopifyPull] = ChangeDirection.PullFromShopify,
        [XorosoftInventory] = ChangeDirection.XorosoftInventory,
    };

    /// <summary>The directions a sync run can have, in the map's order.</summary>
    public static IReadOnlyList<ChangeDirection> SyncDirections { get; } = [.. Directions.Values];

    /// <summary>The direction a run of <paramref name="kind"/> syncs in.</summary>
    /// <param name="kind">The run's kind.</param>
    /// <returns>The direction, or <see langword="null"/> for a run that is not a sync (e.g. a schedule or a rollback).</returns>
    public static ChangeDirection? DirectionOf(string kind) => Directions.TryGetValue(kind, out var direction) ? direction : null;

    /// <summary>The kind of the runs that sync in <paramref name="direction"/>.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The kind, or <see langword="null"/> when no sync run goes that way (manual edits, rollbacks).</returns>
    public static string? KindOf(ChangeDirection direction) =>
        Directions.Where(pair => pair.Value == direction).Select(pair => pair.Key).FirstOrDefault();
}
