namespace CowansSync.Orchestrations.Inventory;

/// <summary>Which local products an inventory sync checks against Xorosoft's stock.</summary>
public enum InventorySyncMode
{
    /// <summary>Every local product in the store.</summary>
    All,

    /// <summary>The products whose Xorosoft stock moved in this sync's refresh of the mirror.</summary>
    Changed,

    /// <summary>The products named by SKU.</summary>
    Specific,
}
