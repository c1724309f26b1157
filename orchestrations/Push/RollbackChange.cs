using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Rolls an applied change back: stages its before-image as an approved rollback change (<see cref="StageRollback"/>),
/// then pushes that one change as a <see cref="PushChanges"/> sub-orchestration. A refusal ends it without a push.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input and the activity's and sub-orchestration's results; the push's
/// instance id follows from its own (<see cref="PushRunIdOf"/>).
/// </remarks>
public sealed class RollbackChange : TaskOrchestrator<RollbackRequest, RollbackSummary>
{
    /// <summary>The instance id of the push a rollback runs.</summary>
    /// <param name="rollbackInstanceId">The rollback orchestration's instance id.</param>
    /// <returns>The push run's id.</returns>
    public static string PushRunIdOf(string rollbackInstanceId) => $"{rollbackInstanceId}-push";

    /// <inheritdoc />
    public override async Task<RollbackSummary> RunAsync(TaskOrchestrationContext context, RollbackRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var state = new RunState(RunKinds.Rollback, PushPhases.Select, RunStatus.Running, RunProgress.None, new Dictionary<string, long>(),
            input.Review.Reviewer, context.CurrentUtcDateTime);
        context.SetCustomStatus(state);
        var staged = await context.CallActivityAsync<StagedRollback>(nameof(StageRollback), input, input.Plan.Retries());
        if (staged.RollbackChangeId is not { } rollbackId)
        {
            context.SetCustomStatus(state with { Phase = PushPhases.Done, Status = RunStatus.Failed, LastError = staged.Refusal, Errors = [staged.Refusal!] });
            return new RollbackSummary(null, staged.Refusal, null);
        }

        context.SetCustomStatus(state = state with { Phase = PushPhases.Push });
        var push = new PushRequest(new PushSettings(null, [rollbackId], $"rollback of {input.ChangeId}"), input.Review.Reviewer, input.Plan);
        var summary = await context.CallSubOrchestratorAsync<PushSummary>(nameof(PushChanges), push, new SubOrchestrationOptions(instanceId: PushRunIdOf(context.InstanceId)));

        // The rollback's run shows how its push ended: a store that moved since is a conflict, reported as an error.
        context.SetCustomStatus(state with { Phase = PushPhases.Done, Status = summary.Status, Counters = summary.Counters, Errors = summary.Errors, LastError = summary.Errors.Count > 0 ? summary.Errors[0] : null });
        return new RollbackSummary(rollbackId, null, summary);
    }
}
