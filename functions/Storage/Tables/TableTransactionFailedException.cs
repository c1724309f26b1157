using Azure;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected: nothing was written. <see cref="RequestFailedException.Status"/>
/// and <see cref="RequestFailedException.ErrorCode"/> are those of the failing action.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    private readonly string? _actionDescription;

    internal TableTransactionFailedException(Response failedPart, int? index, TableTransactionAction? action)
        : base(failedPart, null, new StorageErrorParser())
    {
        FailedTransactionActionIndex = index;
        FailedTransactionAction = action;
        _actionDescription = action is null
            ? null
            : $"Transaction action {index} ({action.ActionType} PartitionKey='{action.Entity.PartitionKey}', RowKey='{action.Entity.RowKey}') failed; nothing was written. ";
    }

    /// <summary>The zero-based index of the action that failed, when the service said which one.</summary>
    public int? FailedTransactionActionIndex { get; }

    /// <summary>The action that failed, when the service said which one.</summary>
    public TableTransactionAction? FailedTransactionAction { get; }

    /// <inheritdoc />
    public override string Message => _actionDescription + base.Message;
}
