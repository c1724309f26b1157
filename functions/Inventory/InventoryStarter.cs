using System.Globalization;
using System.Security.Cryptography;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Inventory;

/// <summary>
/// Starts <see cref="SyncXorosoftInventory"/> runs, their plans filled from <see cref="InventoryOptions"/> and
/// <see cref="PushOptions"/> at the start so every replay decides the same.
/// </summary>
/// <remarks>Idempotent by run id: an id that already has a run starts nothing and answers that run.</remarks>
public sealed class InventoryStarter(IOptions<InventoryOptions> options, IOptions<PushOptions> push, TimeProvider time)
{
    /// <summary>A new run id for a sync asked for now.</summary>
    /// <returns>E.g. <c>inventory-20261204101500-1a2b3c4d</c>.</returns>
    public string NewRunId() => string.Create(CultureInfo.InvariantCulture, $"inventory-{time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <summary>The batch size when a request gives none.</summary>
    public int DefaultBatchSize => options.Value.BatchSize;

    /// <summary>Starts a sync unless a run with that id exists.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="settings">What to sync.</param>
    /// <param name="createdBy">Who starts it.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as it is now.</returns>
    public Task<WorkflowRun> StartAsync(DurableTaskClient client, string runId, InventorySyncSettings settings, string createdBy, CancellationToken cancellationToken)
        => client.StartRunAsync(nameof(SyncXorosoftInventory), runId, RequestOf(settings, createdBy), cancellationToken);

    /// <summary>The input of a sync, with the app's settings now.</summary>
    /// <param name="settings">What to sync.</param>
    /// <param name="createdBy">Who starts it.</param>
    /// <returns>The orchestration's input.</returns>
    public InventorySyncRequest RequestOf(InventorySyncSettings settings, string createdBy) =>
        new(settings, createdBy, options.Value.ToPlan(), PushPlan.From(push.Value));
}
