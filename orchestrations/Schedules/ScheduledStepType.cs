namespace CowansSync.Orchestrations.Schedules;

/// <summary>What one step of a scheduled sync runs (the API's <c>operations[].type</c>).</summary>
public enum ScheduledStepType
{
    /// <summary>Import the newest new Etilize file; its changes that need people stay pending for them.</summary>
    EtilizeImport,

    /// <summary>Pull Shopify's products into the local catalog.</summary>
    SyncDown,

    /// <summary>Sync Xorosoft's stock into staged changes.</summary>
    XorosoftInventory,

    /// <summary>Push the approved changes the schedule's earlier steps staged.</summary>
    SyncUp,
}
