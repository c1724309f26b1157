using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Schedules;

/// <summary>
/// One occurrence of a sync schedule: its steps in order, each the orchestration of its kind run as a sub-orchestration
/// (<see cref="ImportCatalog"/>, <see cref="PullShopify"/>, <see cref="SyncXorosoftInventory"/>, <see cref="PushChanges"/>)
/// with an id derived from this run's (<see cref="StepRunId"/>), so each step is a run of its own to follow. A step that
/// fails is recorded and, with <see cref="ScheduledSyncRequest.StopOnError"/>, the steps after it are skipped; then
/// <c>schedule_completed</c> or <c>schedule_failed</c> is sent as configured, with every step's outcome.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input (every step's settings are in it), sub-orchestration and activity
/// results and <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>. A <c>sync_up</c> step pushes the approved
/// changes of the import and inventory steps before it, one push run per staging step.
/// </remarks>
public sealed class RunSyncSchedule : TaskOrchestrator<ScheduledSyncRequest, ScheduledSyncSummary>
{
    /// <summary>The event of a run whose steps all ran.</summary>
    public const string CompletedEvent = "schedule_completed";

    /// <summary>The event of a run with a failed step.</summary>
    public const string FailedEvent = "schedule_failed";

    /// <summary>The run id of a step.</summary>
    /// <param name="runId">The scheduled run.</param>
    /// <param name="index">The step, from 0.</param>
    /// <param name="type">Its type.</param>
    /// <returns>E.g. <c>schedule-nightly-202612040200-2-sync_down</c>.</returns>
    public static string StepRunId(string runId, int index, ScheduledStepType type) => $"{runId}-{index + 1}-{WireName.Of(type)}";

    /// <inheritdoc />
    public override async Task<ScheduledSyncSummary> RunAsync(TaskOrchestrationContext context, ScheduledSyncRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var runId = context.InstanceId;
        var retries = TaskOptions.FromRetryPolicy(new RetryPolicy(input.ActivityRetries, TimeSpan.FromSeconds(10), backoffCoefficient: 2));
        var state = new RunState(RunKinds.ScheduledSync, "starting", RunStatus.Running, new RunProgress(input.Steps.Count, 0, 0, 0, 0), new Dictionary<string, long>(), input.CreatedBy, context.CurrentUtcDateTime);
        var outcomes = new List<ScheduledStepOutcome>();
        var staging = new List<string>();
        for (var index = 0; index < input.Steps.Count; index++)
        {
            var step = input.Steps[index];
            var type = WireName.Of(step.Type);
            context.SetCustomStatus(state = state with { Phase = type, Lists = Listed(outcomes) });
            ScheduledStepOutcome outcome;
            if (input.StopOnError && outcomes.Any(earlier => earlier.IsFailed))
            {
                outcome = new ScheduledStepOutcome(type, ScheduledStepOutcome.Skipped, [], new Dictionary<string, long>(), "an earlier step failed (stop_on_error)");
            }
            else
            {
                try
                {
                    outcome = await RunStepAsync(context, input, step, StepRunId(runId, index, step.Type), staging, retries);
                }
                catch (TaskFailedException failure)
                {
                    outcome = new ScheduledStepOutcome(type, WireName.Of(RunStatus.Failed), [StepRunId(runId, index, step.Type)], new Dictionary<string, long>(), failure.FailureDetails.ErrorMessage);
                }
            }

            outcomes.Add(outcome);
            state = state with
            {
                Progress = new RunProgress(
                    input.Steps.Count,
                    outcomes.Count,
                    outcomes.Count(done => done.Status != ScheduledStepOutcome.Skipped && !done.IsFailed),
                    outcomes.Count(done => done.IsFailed),
                    outcomes.Count(done => done.Status == ScheduledStepOutcome.Skipped)),
                Counters = Waves.Add(state.Counters, outcome.Counters),
                Errors = [.. outcomes.Where(done => done.IsFailed).Select(done => $"{done.Type}: {done.Message}")],
            };
        }

        var failed = outcomes.Any(outcome => outcome.IsFailed);
        var status = failed || outcomes.Any(outcome => outcome.Status == WireName.Of(RunStatus.CompletedWithErrors)) ? RunStatus.CompletedWithErrors : RunStatus.Completed;
        state = state with { Phase = "done", Status = status, Lists = Listed(outcomes), LastError = state.Errors is [.., var last] ? last : null };
        context.SetCustomStatus(state);
        if (failed ? input.Notifications.OnError : input.Notifications.OnComplete)
        {
            var message = failed
                ? $"Schedule '{input.Name}' ({input.Occurrence:u}): {state.Progress.Failed} of {input.Steps.Count} step(s) failed."
                : $"Schedule '{input.Name}' ({input.Occurrence:u}) ran its {input.Steps.Count} step(s).";
            await context.CallActivityAsync<bool>(
                nameof(NotifyRun),
                new RunNotification(runId, RunKinds.ScheduledSync, failed ? FailedEvent : CompletedEvent, message, context.CurrentUtcDateTime, input.Notifications.WebhookUrl, outcomes),
                retries);
        }

        return new ScheduledSyncSummary(status, outcomes);
    }

    private static async Task<ScheduledStepOutcome> RunStepAsync(
        TaskOrchestrationContext context, ScheduledSyncRequest input, ScheduledStep step, string stepRunId, List<string> staging, TaskOptions retries)
    {
        var type = WireName.Of(step.Type);
        var options = new SubOrchestrationOptions { InstanceId = stepRunId };
        switch (step.Type)
        {
            case ScheduledStepType.EtilizeImport:
                var import = Required(step.Import, step.Type);
                if (await context.CallActivityAsync<ClaimedDrop?>(nameof(ClaimEtilizeDrop), stepRunId, retries) is not { } drop)
                {
                    return new ScheduledStepOutcome(type, ScheduledStepOutcome.Skipped, [], new Dictionary<string, long>(), "no new Etilize file");
                }

                var settings = new ImportSettings
                {
                    DropPath = drop.DropPath,
                    FileName = drop.FileName,
                    FileSize = drop.FileSize,
                    ApplyXorosoftFilter = import.ApplyXorosoftFilter,
                    AutoApproveThreshold = import.AutoApproveThreshold,
                    AwaitReviews = false,
                };
                var imported = await context.CallSubOrchestratorAsync<RunState>(
                    nameof(ImportCatalog), new ImportCatalogInput(settings, input.CreatedBy, import.Plan, import.PushPlan), options);
                staging.Add(stepRunId);
                return Ended(type, imported.Status, [stepRunId], imported.Counters);
            case ScheduledStepType.SyncDown:
                var pulled = await context.CallSubOrchestratorAsync<PullSummary>(nameof(PullShopify), Required(step.Pull, step.Type), options);
                return Ended(type, pulled.Status, [stepRunId], pulled.Counters);
            case ScheduledStepType.XorosoftInventory:
                var synced = await context.CallSubOrchestratorAsync<InventorySyncSummary>(nameof(SyncXorosoftInventory), Required(step.Inventory, step.Type), options);
                staging.Add(stepRunId);
                return Ended(type, synced.Status, [stepRunId], synced.Counters);
            default:
                return await PushStagedAsync(context, input, Required(step.Push, step.Type), stepRunId, staging);
        }
    }

    // One push per staging step before it, in step order; nothing staged, nothing to push.
    private static async Task<ScheduledStepOutcome> PushStagedAsync(TaskOrchestrationContext context, ScheduledSyncRequest input, PushPlan plan, string stepRunId, List<string> staging)
    {
        var type = WireName.Of(ScheduledStepType.SyncUp);
        if (staging.Count == 0)
        {
            return new ScheduledStepOutcome(type, ScheduledStepOutcome.Skipped, [], new Dictionary<string, long>(), "no earlier step staged changes");
        }

        IReadOnlyDictionary<string, long> counters = new Dictionary<string, long>();
        var runIds = new List<string>();
        var status = RunStatus.Completed;
        for (var index = 0; index < staging.Count; index++)
        {
            var pushRunId = $"{stepRunId}-{index + 1}";
            var pushed = await context.CallSubOrchestratorAsync<PushSummary>(
                nameof(PushChanges),
                new PushRequest(new PushSettings(staging[index], null, $"schedule '{input.Name}'"), input.CreatedBy, plan),
                new SubOrchestrationOptions { InstanceId = pushRunId });
            runIds.Add(pushRunId);
            counters = Waves.Add(counters, pushed.Counters);
            status = pushed.Status == RunStatus.Completed ? status : pushed.Status;
        }

        return Ended(type, status, runIds, counters);
    }

    private static ScheduledStepOutcome Ended(string type, RunStatus status, IReadOnlyList<string> runIds, IReadOnlyDictionary<string, long> counters) =>
        new(type, WireName.Of(status), runIds, counters);

    private static T Required<T>(T? input, ScheduledStepType type)
        where T : class => input ?? throw new ArgumentException($"The {WireName.Of(type)} step has no settings.", nameof(input));

    private static Dictionary<string, IReadOnlyList<string>> Listed(List<ScheduledStepOutcome> outcomes) => new(StringComparer.Ordinal)
    {
        ["steps"] = [.. outcomes.Select(outcome => $"{outcome.Type}: {outcome.Status}{(outcome.RunIds.Count > 0 ? $" ({string.Join(", ", outcome.RunIds)})" : string.Empty)}{(outcome.Message is { } why ? $" — {why}" : string.Empty)}")],
    };
}
