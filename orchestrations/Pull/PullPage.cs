using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Reads one page of a search of the store and syncs it into the local catalog (<see cref="PullSync"/>).</summary>
/// <remarks>Idempotent as <see cref="PullSync"/> is: the same cursor reads the same page, and a repeat writes no second version.</remarks>
public sealed class PullPage(IStorePull store, PullSync sync) : TaskActivity<PullPageInput, PulledPage>
{
    /// <inheritdoc />
    public override async Task<PulledPage> RunAsync(TaskActivityContext context, PullPageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = await store.ReadPageAsync(input.Query, input.Cursor, CancellationToken.None);
        var counters = await sync.ApplyAsync(input.RunId, page.Products, input.Actor, CancellationToken.None);
        DateTimeOffset? last = page.Products.Count == 0 ? null : page.Products.Max(product => product.UpdatedAt);
        return new PulledPage(counters, page.NextCursor, last);
    }
}
