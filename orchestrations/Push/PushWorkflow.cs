using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>Starts push runs: approved staged changes → re-read → write to Shopify → version → applied.</summary>
/// <remarks>
/// Starting is idempotent by run id: the same id twice creates one run, and its first message is enqueued again
/// only while the run has not moved past it (a duplicate select is itself harmless).
/// </remarks>
public sealed class PushWorkflow(IRunStore runs, IStepScheduler queue, TimeProvider timeProvider)
{
    /// <summary>Creates the run (unless it exists) and enqueues its first step.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="settings">What to push.</param>
    /// <param name="createdBy">Who started it; versions name them as the actor.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as stored.</returns>
    public async Task<WorkflowRun> StartAsync(string runId, PushSettings settings, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = timeProvider.GetUtcNow();
        var run = new WorkflowRun
        {
            RunId = runId,
            Kind = PushPhases.Kind,
            Phase = PushPhases.Select,
            Configuration = PushPayloads.ConfigurationOf(settings),
            CreatedBy = createdBy,
            StartedAt = now,
            UpdatedAt = now,
        };
        await runs.TryCreateAsync(run, cancellationToken);
        var stored = await runs.GetAsync(runId, cancellationToken) ?? run;
        if (stored.Phase == PushPhases.Select && !stored.Status.IsFinished())
        {
            await queue.EnqueueAsync(new SelectChangesMessage(runId), null, cancellationToken);
        }

        return stored;
    }
}
