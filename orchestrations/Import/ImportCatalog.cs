using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// A catalog import: split the ZIP into batch blobs while Xorosoft's local copy is made ready → (large files) export the
/// store once to match against → stage the
/// batches in sub-orchestrations of <see cref="ImportPlan.BatchesPerChunk"/>, a bounded number at once → wait for
/// reviews: every <c>approval</c> event pushes the approved changes (<see cref="PushChanges"/>), until none is pending.
/// The wait is raced with the approval timeout, which marks the run overdue and notifies people once, then waits on.
/// </summary>
/// <remarks>
/// Deterministic: all I/O is in activities and sub-orchestrations, time is <c>context.CurrentUtcDateTime</c>, and every
/// decision follows from the input and their results, so each replay schedules the same work. The run id is the
/// instance id; an approval raised before staging ends is kept by the framework until the run waits for it, and an
/// approval whose event id was already handled is ignored.
/// </remarks>
public sealed class ImportCatalog : TaskOrchestrator<ImportCatalogInput, RunState>
{
    /// <summary>The external event that approves a run's changes for the store.</summary>
    public const string ApprovalEvent = "approval";

    /// <summary>The note of a run whose reviews are overdue.</summary>
    public const string Overdue = "overdue";

    // Far more approval rounds than one import sees; it keeps the history bounded should a client raise events in a loop.
    private const int MaxApprovals = 100;

    private static readonly TaskOptions Retries = StageCatalogChunk.BatchRetries;

    /// <summary>The push run an approval event starts.</summary>
    /// <param name="importRunId">The import run.</param>
    /// <param name="eventId">The event.</param>
    /// <returns>The push run's id.</returns>
    public static string PushRunIdOf(string importRunId, string eventId) => $"push-{importRunId}-{eventId}";

    /// <inheritdoc />
    public override async Task<RunState> RunAsync(TaskOrchestrationContext context, ImportCatalogInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var runId = context.InstanceId;
        var plan = input.Plan;
        var state = new RunState(RunKinds.EtilizeImport, ImportPhases.Split, RunStatus.Running, RunProgress.None, new Dictionary<string, long>(), input.CreatedBy, context.CurrentUtcDateTime);
        context.SetCustomStatus(state);

        var xorosoftReady = context.CallActivityAsync<bool>(nameof(PrepareXorosoftValidation), runId, Retries);
        var split = await context.CallActivityAsync<CatalogSplit>(
            nameof(SplitCatalog), new SplitCatalogInput(runId, input.Settings, plan.BatchSize, plan.MaxListedErrors), Retries);
        if (split.Refusal is { } refusal)
        {
            context.SetCustomStatus(state with { Errors = [refusal], LastError = refusal });
            throw new CatalogImportFailedException(refusal);
        }

        var counters = new Dictionary<string, long> { [ImportCounters.TotalRows] = split.Rows, [ImportCounters.FailedRows] = split.FailedRows };
        state = state with { Counters = counters, Progress = new RunProgress(split.Rows, split.FailedRows, 0, split.FailedRows, 0), Errors = split.Errors };
        var settings = input.Settings;
        if (split.Batches > 0 && split.Rows >= plan.StoreSnapshotThreshold)
        {
            context.SetCustomStatus(state = state with { Phase = ImportPhases.Snapshot, Note = "exporting the store to match against" });
            await SnapshotStoreAsync(context, runId, plan);
            settings = settings with { StoreSnapshotId = runId };
        }

        await xorosoftReady;
        state = await StageAsync(context, runId, settings, split, plan, state with { Phase = ImportPhases.Validate, Note = null });
        var pending = settings.CreateStagingEntries ? await context.CallActivityAsync<int>(nameof(CountPendingChanges), runId, Retries) : 0;
        if (pending > 0 && !settings.AwaitReviews)
        {
            state = state with { Note = $"{pending} change(s) wait for review; once approved, POST /api/sync/shopify/push with this run as batch_id pushes them" };
        }
        else if (pending > 0)
        {
            context.SetCustomStatus(state = state with { Phase = ImportPhases.AwaitingApproval, Status = RunStatus.AwaitingApproval, EstimatedCompletion = null });
            state = await AwaitApprovalsAsync(context, input, state);
        }

        state = state with
        {
            Phase = ImportPhases.Done,
            Status = state.Counter(ImportCounters.FailedRows) > 0 ? RunStatus.CompletedWithErrors : RunStatus.Completed,
            EstimatedCompletion = null,
        };
        context.SetCustomStatus(state);
        return state;
    }

    private static async Task SnapshotStoreAsync(TaskOrchestrationContext context, string runId, ImportPlan plan)
    {
        var exportId = await context.CallActivityAsync<string>(nameof(StartStoreSnapshot), runId, Retries);
        var watch = new BulkOperationWatch(context);
        await watch.WatchAsync(exportId, Retries);
        do
        {
            await watch.WaitAsync(plan.StoreSnapshotPollInterval);
        }
        while (!await context.CallActivityAsync<bool>(nameof(LoadStoreSnapshot), new LoadStoreSnapshotInput(runId, exportId), Retries));
    }

    private static async Task<RunState> StageAsync(
        TaskOrchestrationContext context, string runId, ImportSettings settings, CatalogSplit split, ImportPlan plan, RunState state)
    {
        context.SetCustomStatus(state);
        var chunks = Enumerable.Range(0, split.Batches)
            .Select(batch => batch == split.Batches - 1 ? split.LastBatchRows : plan.BatchSize)
            .Chunk(plan.BatchesPerChunk)
            .Select((rows, index) => new StageChunkInput(runId, settings, index * plan.BatchesPerChunk, rows, plan.ParallelBatches, plan.MaxListedErrors))
            .ToList();
        var total = new StagedBatches(state.Counters, [], state.Errors ?? []);
        await Workflows.Waves.RunAsync(
            chunks,
            plan.ParallelChunks,
            chunk => context.CallSubOrchestratorAsync<StagedBatches>(
                nameof(StageCatalogChunk), chunk, new SubOrchestrationOptions { InstanceId = $"{runId}:stage-{chunk.FirstBatch / plan.BatchesPerChunk:D5}" }),
            chunk =>
            {
                total = total.Add(chunk, plan.MaxListedErrors);
                state = (state with { Counters = total.Counters, Errors = total.Errors })
                    .WithProgress(ImportCounters.ProgressOf(total.Counters, state.Progress), context.CurrentUtcDateTime);
                context.SetCustomStatus(state);
            });
        return state with { Lists = new Dictionary<string, IReadOnlyList<string>> { [ImportCounters.XorosoftFiltered] = total.Filtered } };
    }

    private static async Task<RunState> AwaitApprovalsAsync(TaskOrchestrationContext context, ImportCatalogInput input, RunState state)
    {
        var runId = context.InstanceId;
        var handled = new HashSet<string>(StringComparer.Ordinal);
        var overdue = false;
        while (handled.Count < MaxApprovals)
        {
            var approval = context.WaitForExternalEvent<RunEvent>(ApprovalEvent);
            if (!overdue)
            {
                using var timeout = new CancellationTokenSource();
                var timer = context.CreateTimer(input.Plan.ApprovalTimeout, timeout.Token);
                if (await Task.WhenAny(approval, timer) == timer)
                {
                    overdue = true;
                    var pending = await context.CallActivityAsync<int>(nameof(CountPendingChanges), runId, Retries);
                    await context.CallActivityAsync<bool>(nameof(NotifyRun), new RunNotification(runId, RunKinds.EtilizeImport, "approval_overdue",
                        $"{pending} staged change(s) of run {runId} still wait for review since {state.StartedAt:u}.", context.CurrentUtcDateTime), Retries);
                    context.SetCustomStatus(state = state with { Note = Overdue });
                }
                else
                {
                    timeout.Cancel();
                }
            }

            var raised = await approval;
            if (!handled.Add(raised.EventId))
            {
                continue;
            }

            await context.CallSubOrchestratorAsync<PushSummary>(
                nameof(PushChanges),
                new PushRequest(new PushSettings(runId, null, $"approval of {runId}"), raised.RaisedBy, input.PushPlan),
                new SubOrchestrationOptions { InstanceId = PushRunIdOf(runId, raised.EventId) });
            if (await context.CallActivityAsync<int>(nameof(CountPendingChanges), runId, Retries) == 0)
            {
                return state with { Note = null };
            }
        }

        return state with { Note = $"stopped waiting after {MaxApprovals} approvals; push what is left with POST /api/sync/shopify/push" };
    }
}
