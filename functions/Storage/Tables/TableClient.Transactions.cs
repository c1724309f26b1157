using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>Entity group transactions.</summary>
public partial class TableClient
{
    private const int MaxTransactionActions = 100;

    /// <summary>
    /// Applies up to 100 actions on entities of one partition as one all-or-nothing entity group transaction.
    /// </summary>
    /// <param name="actions">The actions, in order; each entity at most once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// One response per action, in order. The entities of adds, updates and upserts get their new
    /// <see cref="TableEntity.ETag"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// No actions, more than 100, more than one partition, an entity twice, or a key the service refuses:
    /// checked before anything is sent.
    /// </exception>
    /// <exception cref="TableTransactionFailedException">
    /// An action failed, so none was applied; the exception names the action and carries its status and error code.
    /// </exception>
    /// <exception cref="RequestFailedException">The service refused the batch as a whole.</exception>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var batch = actions.ToList();
        ValidateTransaction(batch);

        var batchBoundary = $"batch_{Guid.NewGuid():D}";
        using var message = CreateMessage(RequestMethod.Post, new Uri($"{_serviceUrl}/$batch"));
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Content = TableTransactionContent.Create(_tableUri, batch, batchBoundary);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var parts = TableTransactionResponse.ReadParts(response);
        if (parts.FirstOrDefault(part => part.IsError) is { } failed)
        {
            var index = TableTransactionResponse.FailedActionIndex(failed);
            throw new TableTransactionFailedException(failed, index, index < batch.Count ? batch[index.Value] : null);
        }

        if (parts.Count != batch.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction response has {parts.Count} parts for {batch.Count} actions.");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].HasBody && parts[i].Headers.ETag is { } etag)
            {
                batch[i].Entity.ETag = etag;
            }
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        string? partitionKey = null;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            action.ValidateKeys();
            partitionKey ??= action.Entity.PartitionKey;
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A transaction covers one partition; it has '{partitionKey}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            // The service refuses a second action on the same entity (Azurite with another status), so say it here.
            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch an entity once; RowKey '{action.Entity.RowKey}' appears twice.", nameof(actions));
            }
        }
    }
}
