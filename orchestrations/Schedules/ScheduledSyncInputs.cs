using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Schedules;

/// <summary>
/// The input of one <see cref="RunSyncSchedule"/> run: a schedule's steps for one occurrence, each with the full input
/// of the orchestration it runs, built from the app's settings when the run starts so every replay decides the same.
/// </summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="Name">Its name, for people.</param>
/// <param name="Occurrence">The occurrence this run is for.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="StopOnError">Skip the steps after one that failed.</param>
/// <param name="Notifications">Whom to tell, and when.</param>
/// <param name="CreatedBy">Who the step runs name as their starter.</param>
/// <param name="ActivityRetries">Attempts of the run's own activities.</param>
public sealed record ScheduledSyncRequest(
    string ScheduleId,
    string Name,
    DateTimeOffset Occurrence,
    IReadOnlyList<ScheduledStep> Steps,
    bool StopOnError,
    ScheduleNotifications Notifications,
    string CreatedBy,
    int ActivityRetries);

/// <summary>One step: its type and the input of the orchestration it runs (only the one its type uses is set).</summary>
/// <param name="Type">What it runs.</param>
/// <param name="Import">For <see cref="ScheduledStepType.EtilizeImport"/>.</param>
/// <param name="Pull">For <see cref="ScheduledStepType.SyncDown"/>.</param>
/// <param name="Inventory">For <see cref="ScheduledStepType.XorosoftInventory"/>.</param>
/// <param name="Push">For <see cref="ScheduledStepType.SyncUp"/>: the push's settings.</param>
public sealed record ScheduledStep(
    ScheduledStepType Type,
    ScheduledImport? Import = null,
    PullRequest? Pull = null,
    InventorySyncRequest? Inventory = null,
    PushPlan? Push = null);

/// <summary>An import step: the import's settings but the file, which the step claims when it runs.</summary>
/// <param name="ApplyXorosoftFilter">Leave out rows Xorosoft does not know.</param>
/// <param name="AutoApproveThreshold">No change below this match confidence is auto-approved.</param>
/// <param name="Plan">The import's settings.</param>
/// <param name="PushPlan">The settings of pushes its approvals would start.</param>
public sealed record ScheduledImport(bool ApplyXorosoftFilter, decimal AutoApproveThreshold, ImportPlan Plan, PushPlan PushPlan);

/// <summary>Whom a schedule's runs tell, and when.</summary>
/// <param name="OnComplete">Notify when every step ran without failing.</param>
/// <param name="OnError">Notify when a step failed.</param>
/// <param name="WebhookUrl">Where to; <see langword="null"/>: the app's notification webhook.</param>
public sealed record ScheduleNotifications(bool OnComplete, bool OnError, string? WebhookUrl);

/// <summary>How one step of a scheduled run ended.</summary>
/// <param name="Type">The step's type, e.g. <c>sync_down</c>.</param>
/// <param name="Status">completed, completed_with_errors, failed or skipped.</param>
/// <param name="RunIds">The runs it started (one, or one push per staging step for <c>sync_up</c>; none when skipped).</param>
/// <param name="Counters">Its runs' counters, summed.</param>
/// <param name="Message">Why it failed or was skipped.</param>
public sealed record ScheduledStepOutcome(string Type, string Status, IReadOnlyList<string> RunIds, IReadOnlyDictionary<string, long> Counters, string? Message = null)
{
    /// <summary>The status of a step left out.</summary>
    public const string Skipped = "skipped";

    /// <summary>Whether the step failed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFailed => Status == Domain.WireName.Of(RunStatus.Failed);
}

/// <summary>How a scheduled run ended.</summary>
/// <param name="Status">Completed; completed with errors when a step failed or ended with errors.</param>
/// <param name="Steps">Every step's outcome, in order.</param>
public sealed record ScheduledSyncSummary(RunStatus Status, IReadOnlyList<ScheduledStepOutcome> Steps);
