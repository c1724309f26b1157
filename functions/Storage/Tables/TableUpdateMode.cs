namespace CowansSync.Functions.Storage.Tables;

/// <summary>How an update or upsert treats the properties already stored.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties the entity does not mention; overwrite the ones it does.</summary>
    Merge,

    /// <summary>Store exactly the entity's properties; stored properties it does not mention are dropped.</summary>
    Replace,
}
