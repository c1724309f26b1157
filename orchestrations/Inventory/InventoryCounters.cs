namespace CowansSync.Orchestrations.Inventory;

/// <summary>The counters of an inventory sync run (the API's summary).</summary>
public static class InventoryCounters
{
    /// <summary>Local products compared with Xorosoft's stock.</summary>
    public const string ProductsChecked = "products_checked";

    /// <summary>Stock changes staged.</summary>
    public const string InventoryUpdates = "inventory_updates";

    /// <summary>Of those, approved by the rules.</summary>
    public const string AutoApproved = "auto_approved";

    /// <summary>Of those, waiting for a person.</summary>
    public const string PendingReview = "pending_review";

    /// <summary>Out-of-stock alerts opened: products whose Xorosoft stock went to or below the threshold since the last sync that saw it above.</summary>
    public const string OutOfStockAlerts = "out_of_stock_alerts";

    /// <summary>Products Xorosoft gives no stock for, left as they are.</summary>
    public const string UnknownInXorosoft = "unknown_in_xorosoft";

    /// <summary>Changes pushed to the store (with <c>update_shopify</c>).</summary>
    public const string Pushed = "pushed";

    /// <summary>Every counter, in the order the summary lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ProductsChecked, InventoryUpdates, AutoApproved, PendingReview, OutOfStockAlerts, UnknownInXorosoft, Pushed];

    /// <summary>Every counter at zero.</summary>
    /// <returns>The counters.</returns>
    public static Dictionary<string, long> None() => All.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);
}
