using System.Text.Json;

namespace CowansSync.Functions.Schedules;

/// <summary>A sync schedule as people write it: the body of <c>POST /api/batch/sync/create</c>, stored as given once valid.</summary>
/// <param name="Name">For people, 1 to 100 characters.</param>
/// <param name="Operations">1 to 10 steps, run in order.</param>
/// <param name="Schedule">NCRONTAB in UTC: five fields (<c>minute hour day month day-of-week</c>, e.g. <c>0 2 * * *</c>) or six, seconds first.</param>
/// <param name="StopOnError">Skip the steps after a failed one (default <see langword="true"/>).</param>
/// <param name="Notifications">Whom to tell; default: the app's notification webhook, on errors only.</param>
public sealed record SyncScheduleDefinition(
    string? Name,
    IReadOnlyList<ScheduleOperation?>? Operations,
    string? Schedule,
    bool? StopOnError,
    ScheduleNotificationSettings? Notifications);

/// <summary>One step of a schedule.</summary>
/// <param name="Type"><c>etilize_import</c>, <c>sync_down</c>, <c>xorosoft_inventory</c> or <c>sync_up</c>.</param>
/// <param name="Config">The step's settings, which depend on its type (see <see cref="ImportStepConfig"/>,
/// <see cref="SyncDownStepConfig"/>, <see cref="Apis.InventorySyncBody"/>, <see cref="SyncUpStepConfig"/>).</param>
public sealed record ScheduleOperation(string? Type, JsonElement? Config);

/// <summary>An <c>etilize_import</c> step's settings.</summary>
/// <param name="ApplyXorosoftFilter">Leave out rows Xorosoft does not know (default <see langword="true"/>).</param>
/// <param name="AutoApproveThreshold">No change below this match confidence is auto-approved (0–1).</param>
public sealed record ImportStepConfig(bool? ApplyXorosoftFilter, decimal? AutoApproveThreshold);

/// <summary>A <c>sync_down</c> step's settings.</summary>
/// <param name="Mode"><c>incremental</c> (the default: what changed since the last pull) or <c>full</c>.</param>
public sealed record SyncDownStepConfig(string? Mode);

/// <summary>A <c>sync_up</c> step has no settings: it pushes the approved changes of the steps before it.</summary>
public sealed record SyncUpStepConfig;

/// <summary>Whom a schedule's runs tell.</summary>
/// <param name="OnComplete">When every step ran (default <see langword="false"/>).</param>
/// <param name="OnError">When a step failed (default <see langword="true"/>).</param>
/// <param name="WebhookUrl">An https URL (http only to this machine); default: <c>Notifications__WebhookUrl</c>.</param>
public sealed record ScheduleNotificationSettings(bool? OnComplete, bool? OnError, string? WebhookUrl);
