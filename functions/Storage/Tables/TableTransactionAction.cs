using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>One operation of an entity group transaction; single-entity calls are sent the same way.</summary>
public sealed class TableTransactionAction
{
    private static readonly RequestMethod Merge = new("MERGE");

    /// <summary>Creates the action.</summary>
    /// <param name="type">What to do with the entity.</param>
    /// <param name="entity">The entity (for <see cref="TableTransactionActionType.Delete"/> only its keys matter).</param>
    /// <param name="etag">
    /// The version an update or delete requires; <see langword="default"/> means any version (<c>*</c>).
    /// Ignored by add and upsert.
    /// </param>
    public TableTransactionAction(TableTransactionActionType type, TableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = Enum.IsDefined(type) ? type : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown transaction action type.");
        Entity = entity;
        ETag = etag;
    }

    /// <summary>What to do with the entity.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity.</summary>
    public TableEntity Entity { get; }

    /// <summary>The version an update or delete requires; <see langword="default"/> means any version.</summary>
    public ETag ETag { get; }

    /// <summary>MERGE for merges (the documented verb; PATCH is a newer alias), PUT for replaces.</summary>
    internal RequestMethod Method => ActionType switch
    {
        TableTransactionActionType.Add => RequestMethod.Post,
        TableTransactionActionType.Delete => RequestMethod.Delete,
        TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpsertMerge => Merge,
        _ => RequestMethod.Put,
    };

    internal bool HasBody => ActionType != TableTransactionActionType.Delete;

    /// <summary>The If-Match header: required by updates and deletes, absent on upserts (that is what makes them upserts).</summary>
    internal string? IfMatch => ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete
        ? (ETag == default ? ETag.All : ETag).ToString("H")
        : null;

    internal Uri RequestUri(Uri tableUri) => ActionType == TableTransactionActionType.Add
        ? tableUri
        : TableKeys.EntityUri(tableUri, Entity.PartitionKey, Entity.RowKey);

    internal void ValidateKeys()
    {
        TableKeys.Validate(Entity.PartitionKey, nameof(Entity.PartitionKey));
        TableKeys.Validate(Entity.RowKey, nameof(Entity.RowKey));
    }
}
