using System.Globalization;
using System.Text.Json;
using CowansSync.Functions.Hosting.Scheduling;
using CowansSync.Functions.Inventory;
using CowansSync.Functions.Pull;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Schedules;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Schedules;

/// <summary>
/// Starts a schedule's due occurrence as a <see cref="RunSyncSchedule"/> run, every step's input filled from the app's
/// settings at the start. The run id is the schedule's and the occurrence's, so however many instances see the
/// occurrence, and however often, one run is started.
/// </summary>
/// <param name="options">How far back a missed occurrence still runs.</param>
/// <param name="import">The import settings.</param>
/// <param name="push">The push settings.</param>
/// <param name="pulls">Builds pull inputs.</param>
/// <param name="inventory">Builds inventory sync inputs.</param>
public sealed class ScheduledSyncStarter(IOptions<ScheduleOptions> options, ImportOptions import, PushOptions push, PullStarter pulls, InventoryStarter inventory)
{
    /// <summary>The run of a schedule's occurrence.</summary>
    /// <param name="scheduleId">The schedule.</param>
    /// <param name="occurrence">The occurrence.</param>
    /// <returns>E.g. <c>schedule-nightly-1a2b3c-20261204020000</c>.</returns>
    public static string RunIdOf(string scheduleId, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule-{scheduleId}-{occurrence.UtcDateTime:yyyyMMddHHmmss}");

    /// <summary>The occurrence due now that has no run yet: the latest since the last one run (or the schedule's creation), within the missed-run window.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="now">Now.</param>
    /// <returns>The occurrence, or <see langword="null"/> when none is due.</returns>
    public DateTimeOffset? DueOccurrence(SyncSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var since = new[] { schedule.LastOccurrence ?? schedule.CreatedAt, schedule.CreatedAt, now - options.Value.MissedRunWindow }.Max();
        return CronOf(schedule).GetLatestOccurrence(since, now);
    }

    /// <summary>The next occurrence after <paramref name="now"/>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="now">Now.</param>
    /// <returns>When it next runs.</returns>
    public static DateTimeOffset NextOccurrence(SyncSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return CronOf(schedule).GetNextOccurrence(now);
    }

    /// <summary>Starts the run of an occurrence unless it exists.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="occurrence">The occurrence.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as it is now.</returns>
    public Task<WorkflowRun> StartAsync(DurableTaskClient client, SyncSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var definition = schedule.Definition;
        var notifications = definition.Notifications;
        var request = new ScheduledSyncRequest(
            schedule.Id,
            definition.Name ?? schedule.Id,
            occurrence,
            [.. (definition.Operations ?? []).OfType<ScheduleOperation>().Select(operation => StepOf(operation, schedule.CreatedBy))],
            definition.StopOnError ?? true,
            new ScheduleNotifications(notifications?.OnComplete ?? false, notifications?.OnError ?? true, notifications?.WebhookUrl),
            $"schedule {schedule.Id} ({schedule.CreatedBy})",
            options.Value.ActivityAttempts);
        return client.StartRunAsync(nameof(RunSyncSchedule), RunIdOf(schedule.Id, occurrence), request, cancellationToken);
    }

    private ScheduledStep StepOf(ScheduleOperation operation, string createdBy)
    {
        // Validated when the schedule was created: the type is known.
        _ = WireName.TryParse<ScheduledStepType>(operation.Type, out var type);
        switch (type)
        {
            case ScheduledStepType.EtilizeImport:
                var config = ConfigOf<ImportStepConfig>(operation);
                return new ScheduledStep(type, Import: new ScheduledImport(
                    config?.ApplyXorosoftFilter ?? true, config?.AutoApproveThreshold ?? DefaultApprovalRules.AutoApproveThreshold, ImportPlan.Of(import), PushPlan.From(push)));
            case ScheduledStepType.SyncDown:
                var mode = ConfigOf<SyncDownStepConfig>(operation)?.Mode == "full" ? PullMode.Full : PullMode.Incremental;
                return new ScheduledStep(type, Pull: pulls.RequestOf(new PullSettings(mode), createdBy));
            case ScheduledStepType.XorosoftInventory:
                var body = ConfigOf<Apis.InventorySyncBody>(operation) ?? new(null, null, null, null);
                return new ScheduledStep(type, Inventory: inventory.RequestOf(body.ToSettings(inventory.DefaultBatchSize, [], string.Empty)!, createdBy));
            default:
                return new ScheduledStep(type, Push: PushPlan.From(push));
        }
    }

    // Validated when the schedule was created, so it reads.
    private static T? ConfigOf<T>(ScheduleOperation operation)
        where T : class => operation.Config is { ValueKind: JsonValueKind.Object } config ? config.Deserialize<T>(SyncScheduleStore.Json) : null;

    private static CronSchedule CronOf(SyncSchedule schedule) => CronSchedule.ParseFiveOrSixFields(schedule.Definition.Schedule ?? string.Empty);
}
