namespace CowansSync.Orchestrations.Inventory;

/// <summary>The inventory sync's phases, as its custom status names them: refresh → stage → push (with <c>update_shopify</c>) → done.</summary>
public static class InventoryPhases
{
    /// <summary>Xorosoft's stock being read into the mirror.</summary>
    public const string Refresh = "refresh";

    /// <summary>Local products being compared and stock changes staged.</summary>
    public const string Stage = "stage";

    /// <summary>The approved stock changes being pushed.</summary>
    public const string Push = "push";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}
