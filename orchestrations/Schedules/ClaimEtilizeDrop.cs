using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Schedules;

/// <summary>A scheduled import's first step: claim the newest new Etilize file for the import run (its id is the input).</summary>
/// <remarks>Idempotent: a repeat for the same run answers the file it claimed, so a retried step imports it still.</remarks>
public sealed class ClaimEtilizeDrop(IEtilizeDropClaims drops) : TaskActivity<string, ClaimedDrop?>
{
    /// <inheritdoc />
    public override Task<ClaimedDrop?> RunAsync(TaskActivityContext context, string input) => drops.ClaimNewestAsync(input, CancellationToken.None);
}
