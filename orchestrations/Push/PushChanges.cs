using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// A push run: select the changes and write their batches, push the batches in bounded waves (one-by-one batches as
/// <see cref="PushBatch"/> activities, bulk batches as <see cref="PushBulkBatch"/> sub-orchestrations), sum their
/// counters, and end completed — or completed with errors when changes failed or met conflicts. Its custom status is
/// the run's <see cref="RunState"/>, published after every wave. A batch that still fails after the plan's retries is
/// counted failed, its error listed, and the run goes on.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input (the plan carries every setting), activity and sub-orchestration
/// results, <see cref="TaskOrchestrationContext.InstanceId"/> and <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>;
/// batches are started in index order and sub-orchestrations get ids derived from the run's, so every replay
/// schedules the same work.
/// </remarks>
public sealed class PushChanges : TaskOrchestrator<PushRequest, PushSummary>
{
    /// <summary>How many errors the run lists (its counters hold the totals).</summary>
    public const int MaxListedErrors = 100;

    /// <summary>The instance id of a bulk batch's sub-orchestration.</summary>
    /// <param name="runId">The push run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <returns>The id.</returns>
    public static string BulkBatchInstanceId(string runId, int batchIndex) => $"{runId}-bulk-{batchIndex:D6}";

    /// <inheritdoc />
    public override async Task<PushSummary> RunAsync(TaskOrchestrationContext context, PushRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.Plan;
        var state = new RunState(PushPhases.Kind, PushPhases.Select, RunStatus.Running, RunProgress.None, Counters(0), input.CreatedBy, context.CurrentUtcDateTime);
        context.SetCustomStatus(state);

        var selected = await context.CallActivityAsync<SelectedChanges>(nameof(SelectChanges), new SelectChangesInput(context.InstanceId, input.Settings, plan), plan.Retries());
        IReadOnlyDictionary<string, long> counters = Counters(selected.Total);
        var errors = new List<string>();
        state = state with { Phase = PushPhases.Push, Counters = counters, Progress = new RunProgress(selected.Total, 0, 0, 0, 0), Note = selected.Bulk ? "pushing through bulk mutations" : null };
        context.SetCustomStatus(state);

        await Waves.RunAsync([.. Enumerable.Range(0, selected.BatchCount)], plan.ParallelBatches, index => PushBatchAsync(context, input, selected, index), result =>
        {
            counters = Waves.Add(counters, result.Counters);
            errors.AddRange(result.Errors.Take(MaxListedErrors - errors.Count));
            state = state.WithProgress(PushCounters.ProgressOf(counters, state.Progress), context.CurrentUtcDateTime) with { Counters = counters, Errors = [.. errors] };
            context.SetCustomStatus(state);
        });

        var status = counters[PushCounters.Failed] + counters[PushCounters.Conflicts] > 0 ? RunStatus.CompletedWithErrors : RunStatus.Completed;
        context.SetCustomStatus(state with { Phase = PushPhases.Done, Status = status, EstimatedCompletion = null, Note = null, Errors = [.. errors] });
        return new PushSummary(status, counters, errors);
    }

    private static async Task<PushBatchResult> PushBatchAsync(TaskOrchestrationContext context, PushRequest input, SelectedChanges selected, int batchIndex)
    {
        var batch = new PushBatchInput(context.InstanceId, batchIndex, input.CreatedBy);
        try
        {
            return selected.Bulk
                ? await context.CallSubOrchestratorAsync<PushBatchResult>(nameof(PushBulkBatch), new PushBulkBatchInput(batch, input.Plan),
                    new SubOrchestrationOptions(instanceId: BulkBatchInstanceId(context.InstanceId, batchIndex)))
                : await context.CallActivityAsync<PushBatchResult>(nameof(PushBatch), batch, input.Plan.Retries());
        }
        catch (TaskFailedException failure)
        {
            return PushBatchResult.Failed(batchIndex, selected.SizeOf(batchIndex), failure.FailureDetails.ErrorMessage);
        }
    }

    private static Dictionary<string, long> Counters(long total) => PushCounters.All.ToDictionary(name => name, name => name == PushCounters.Total ? total : 0, StringComparer.Ordinal);
}
