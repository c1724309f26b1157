using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Push;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Push;

/// <summary>
/// Starts push and rollback orchestrations, their plan filled from <see cref="PushOptions"/> at the start so every
/// replay decides with the same settings. The client is the caller's: the <c>[DurableClient]</c> binding under the
/// Functions host, the standalone host's client otherwise.
/// </summary>
/// <remarks>
/// Idempotent by instance id: an id that already has an instance (running or finished) starts nothing, so a repeated
/// request with the same id starts one run.
/// </remarks>
public sealed class PushStarter(PushOptions options)
{
    /// <summary>Starts a <see cref="PushChanges"/> run unless one with that id exists.</summary>
    /// <param name="client">The Durable Task client.</param>
    /// <param name="runId">The run's id (the orchestration's instance id).</param>
    /// <param name="settings">What to push.</param>
    /// <param name="createdBy">Who starts it; versions name them.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns><see langword="true"/> when this call started it.</returns>
    public Task<bool> StartPushAsync(DurableTaskClient client, string runId, PushSettings settings, string createdBy, CancellationToken cancellationToken)
        => StartAsync(client, nameof(PushChanges), runId, new PushRequest(settings, createdBy, PushPlan.From(options)), cancellationToken);

    /// <summary>Starts a <see cref="RollbackChange"/> run unless one with that id exists.</summary>
    /// <param name="client">The Durable Task client.</param>
    /// <param name="runId">The rollback run's id (the orchestration's instance id, and the run the rollback change is staged under).</param>
    /// <param name="changeId">The applied change.</param>
    /// <param name="review">Who asked, when, and why.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns><see langword="true"/> when this call started it.</returns>
    public Task<bool> StartRollbackAsync(DurableTaskClient client, string runId, string changeId, ReviewInfo review, CancellationToken cancellationToken)
        => StartAsync(client, nameof(RollbackChange), runId, new RollbackRequest(changeId, runId, review, PushPlan.From(options)), cancellationToken);

    private static async Task<bool> StartAsync(DurableTaskClient client, TaskName orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return false;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        return true;
    }
}
