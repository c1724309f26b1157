namespace CowansSync.Functions.Storage.Tables;

/// <summary>The operation one action of an entity group transaction performs.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with <c>EntityAlreadyExists</c> when the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity, conditional on the action's ETag (default: any version).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, conditional on the action's ETag (default: any version).</summary>
    UpdateReplace,

    /// <summary>Delete, conditional on the action's ETag (default: any version); fails when the entity is missing.</summary>
    Delete,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,
}
