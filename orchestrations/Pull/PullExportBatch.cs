using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Syncs one batch of a full pull's export into the local catalog (<see cref="PullSync"/>).</summary>
/// <remarks>Idempotent as <see cref="PullSync"/> is: a repeat writes no second version and counts the same batch again.</remarks>
public sealed class PullExportBatch(IStorePull store, PullSync sync) : TaskActivity<PullBatchInput, IReadOnlyDictionary<string, long>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyDictionary<string, long>> RunAsync(TaskActivityContext context, PullBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var products = await store.ReadExportBatchAsync(input.RunId, input.BatchIndex, CancellationToken.None);
        return await sync.ApplyAsync(input.RunId, products, input.Actor, CancellationToken.None);
    }
}
