using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>Starts catalog import runs: FTP drop → batches → validation → matching → staged changes.</summary>
/// <remarks>
/// Starting is idempotent by run id: the same id twice creates one run, and the first step's message is enqueued
/// again only while the run has not moved past it (a duplicate split is itself harmless).
/// </remarks>
public sealed class ImportWorkflow(IRunStore runs, IStepScheduler queue, TimeProvider timeProvider)
{
    /// <summary>Creates the run (unless it exists) and enqueues its first step.</summary>
    /// <param name="runId">The run's id; the same drop polled twice gives the same id.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="createdBy">Who started it (a person's name, or <c>timer</c>).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as stored.</returns>
    public async Task<WorkflowRun> StartAsync(string runId, ImportSettings settings, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = timeProvider.GetUtcNow();
        var run = new WorkflowRun
        {
            RunId = runId,
            Kind = ImportPhases.Kind,
            Phase = ImportPhases.Split,
            Configuration = ImportPayloads.ConfigurationOf(settings),
            CreatedBy = createdBy,
            StartedAt = now,
            UpdatedAt = now,
        };
        await runs.TryCreateAsync(run, cancellationToken);
        var stored = await runs.GetAsync(runId, cancellationToken) ?? run;
        if (stored.Phase == ImportPhases.Split && !stored.Status.IsFinished())
        {
            await queue.EnqueueAsync(new SplitCatalogMessage(runId), null, cancellationToken);
        }

        return stored;
    }
}
