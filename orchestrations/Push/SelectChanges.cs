using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Chooses the changes a push applies — the listed ones, or the source run's approved changes plus those a failed or
/// interrupted push left — and writes them in batches to the payload store. Large pushes take the bulk path, whose
/// batches are larger.
/// </summary>
/// <remarks>
/// Idempotent: the selection is sorted and the batch blobs are named by run and index, so a repeat rewrites the same
/// batches (or, should changes have moved meanwhile, the batches of the later selection, which is the one returned).
/// </remarks>
public sealed class SelectChanges(IStagedChangeStore staged, IPayloadStore payloads) : TaskActivity<SelectChangesInput, SelectedChanges>
{
    private static readonly ChangeStatus[] Pushable = [ChangeStatus.Approved, ChangeStatus.Applying, ChangeStatus.Failed];

    /// <inheritdoc />
    public override async Task<SelectedChanges> RunAsync(TaskActivityContext context, SelectChangesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = await SelectAsync(input.Settings, CancellationToken.None);
        var bulk = input.Plan.IsBulk(ids.Count);
        var selected = new SelectedChanges(ids.Count, bulk ? input.Plan.BulkBatchSize : input.Plan.BatchSize, bulk);
        var batches = ids.Chunk(selected.BatchSize).ToList();
        for (var index = 0; index < batches.Count; index++)
        {
            await payloads.WritePushBatchAsync(input.RunId, index, batches[index], CancellationToken.None);
        }

        return selected;
    }

    private async Task<IReadOnlyList<string>> SelectAsync(PushSettings settings, CancellationToken cancellationToken)
    {
        if (settings.SourceRunId is not { } sourceRunId)
        {
            return [.. (settings.ChangeIds ?? []).Distinct(StringComparer.Ordinal)];
        }

        var ids = new List<string>();
        foreach (var status in Pushable)
        {
            ids.AddRange(await staged.ListIdsAsync(sourceRunId, status, cancellationToken));
        }

        // Sorted, so a repeated selection writes the same batches.
        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
