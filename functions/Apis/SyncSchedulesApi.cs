using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting.Scheduling;
using CowansSync.Functions.Inventory;
using CowansSync.Functions.Schedules;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Schedules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/batch/sync</c>: named schedules of ordered sync steps. Create (admin; 400 naming the field), list and read
/// (viewer; each with its next run and its last), delete (admin: no later occurrence runs, a run in progress goes on).
/// Audited.
/// </summary>
/// <param name="schedules">The stored schedules.</param>
/// <param name="inventory">The inventory sync's default batch size.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class SyncSchedulesApi(SyncScheduleStore schedules, InventoryStarter inventory, AuditLog audit, TimeProvider time)
{
    private const int MaxNameLength = 100;
    private const int MaxSteps = 10;
    private static readonly JsonElement EmptyConfig = JsonSerializer.SerializeToElement(new { });

    /// <summary>Creates a schedule.</summary>
    /// <param name="request">The request; its body is the schedule.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>201 with the schedule; 400 naming each invalid field.</returns>
    [Function(nameof(CreateSyncSchedule))]
    [JsonRequestBody(typeof(SyncScheduleDefinition))]
    [ProducesResponseType(typeof(SyncScheduleView), StatusCodes.Status201Created)]
    [Authorize(Roles.Admin)]
    public async Task<IResult> CreateSyncSchedule(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batch/sync/create")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiBody.ReadAsync<SyncScheduleDefinition>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = Validate(request, body);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The schedule is invalid.", errors));
        }

        var user = request.HttpContext.User;
        var schedule = new SyncSchedule(NewId(body.Name!), body with { Name = body.Name!.Trim() }, user.GetCallerName(), time.GetUtcNow(), null, null);
        await schedules.CreateAsync(schedule, cancellationToken);
        await audit.WriteAsync(user, "sync_schedule.created", schedule.Id, $"schedule={body.Schedule}; steps={string.Join(",", body.Operations!.Select(step => step!.Type))}", cancellationToken);
        return TypedResults.Created($"/api/batch/sync/{schedule.Id}", await ViewAsync(schedule, client: null, cancellationToken));
    }

    /// <summary>The schedules, by id; paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page; 400 naming the bad parameter.</returns>
    [Function(nameof(ListSyncSchedules))]
    [Paged]
    [ProducesResponseType(typeof(PagedList<SyncScheduleView>), StatusCodes.Status200OK)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListSyncSchedules(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batch/sync")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, object?>();
        var (page, perPage) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging parameters are invalid.", errors));
        }

        var views = new List<SyncScheduleView>();
        foreach (var schedule in await schedules.ListAsync(cancellationToken))
        {
            views.Add(await ViewAsync(schedule, client: null, cancellationToken));
        }

        return TypedResults.Ok(views.ToPage(page, perPage));
    }

    /// <summary>One schedule, with its last run's status and steps.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule.</param>
    /// <param name="client">Reads the last run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The schedule, or 404.</returns>
    [Function(nameof(GetSyncSchedule))]
    [ProducesResponseType(typeof(SyncScheduleView), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> GetSyncSchedule(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batch/sync/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await schedules.GetAsync(id, cancellationToken) is { } schedule
            ? TypedResults.Ok(await ViewAsync(schedule, client, cancellationToken))
            : TypedResults.NotFound(Unknown(id));
    }

    /// <summary>Deletes a schedule: no later occurrence runs; a run in progress goes on.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200, or 404.</returns>
    [Function(nameof(DeleteSyncSchedule))]
    [ProducesResponseType(typeof(ScheduleDeleted), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Admin)]
    public async Task<IResult> DeleteSyncSchedule(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "batch/sync/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await schedules.DeleteAsync(id, cancellationToken))
        {
            return TypedResults.NotFound(Unknown(id));
        }

        await audit.WriteAsync(request.HttpContext.User, "sync_schedule.deleted", id, null, cancellationToken);
        return TypedResults.Ok(new ScheduleDeleted(id, Deleted: true));
    }

    private Dictionary<string, object?> Validate(HttpRequest request, SyncScheduleDefinition body)
    {
        var errors = new Dictionary<string, object?>();
        if (body.Name?.Trim() is not { Length: > 0 and <= MaxNameLength })
        {
            errors["name"] = $"is required: 1 to {MaxNameLength} characters";
        }

        if (body.Schedule is null)
        {
            errors["schedule"] = "is required: a cron expression in UTC, e.g. 0 2 * * * (daily at 02:00)";
        }
        else
        {
            try
            {
                var cron = CronSchedule.ParseFiveOrSixFields(body.Schedule);
                var next = cron.GetNextOccurrence(time.GetUtcNow());
                if (cron.GetNextOccurrence(next) - next < TimeSpan.FromMinutes(1))
                {
                    errors["schedule"] = "must not run more often than once a minute";
                }
            }
            catch (FormatException error)
            {
                errors["schedule"] = error.Message;
            }
        }

        var steps = body.Operations ?? [];
        if (steps.Count is 0 or > MaxSteps)
        {
            errors["operations"] = $"must list 1 to {MaxSteps} steps";
        }

        for (var index = 0; index < steps.Count; index++)
        {
            ValidateStep(request, steps[index], $"operations[{index}]", errors);
        }

        if (body.Notifications?.WebhookUrl is { } url && !IsAllowedWebhook(url))
        {
            errors["notifications.webhook_url"] = "must be an absolute https URL (http only to this machine)";
        }

        return errors;
    }

    private void ValidateStep(HttpRequest request, ScheduleOperation? step, string path, Dictionary<string, object?> errors)
    {
        if (step is null || !WireName.TryParse<ScheduledStepType>(step.Type, out var type))
        {
            errors[$"{path}.type"] = $"must be one of {WireName.ListOf<ScheduledStepType>()}";
            return;
        }

        if (step.Config is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            errors[$"{path}.config"] = "must be an object";
            return;
        }

        var config = step.Config ?? EmptyConfig;
        var configPath = $"{path}.config";
        switch (type)
        {
            case ScheduledStepType.EtilizeImport:
                if (ApiBody.ReadPart<ImportStepConfig>(request, config, configPath, errors) is { AutoApproveThreshold: < 0m or > 1m })
                {
                    errors[$"{configPath}.auto_approve_threshold"] = "must be between 0 and 1";
                }

                break;
            case ScheduledStepType.SyncDown:
                if (ApiBody.ReadPart<SyncDownStepConfig>(request, config, configPath, errors) is { Mode: not (null or "incremental" or "full") })
                {
                    errors[$"{configPath}.mode"] = "must be incremental or full";
                }

                break;
            case ScheduledStepType.XorosoftInventory:
                ApiBody.ReadPart<InventorySyncBody>(request, config, configPath, errors)?.ToSettings(inventory.DefaultBatchSize, errors, $"{configPath}.");
                break;
            default:
                ApiBody.ReadPart<SyncUpStepConfig>(request, config, configPath, errors);
                break;
        }
    }

    // An admin's URL, called from inside the app: https anywhere, plain http only to a receiver on this machine.
    private static bool IsAllowedWebhook(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)))));

    private async Task<SyncScheduleView> ViewAsync(SyncSchedule schedule, DurableTaskClient? client, CancellationToken cancellationToken)
    {
        var definition = schedule.Definition;
        var notifications = definition.Notifications;
        ScheduleLastRun? lastRun = null;
        if (schedule is { LastRunId: { } runId, LastOccurrence: { } occurrence })
        {
            var run = client is null ? null : await client.GetRunAsync(runId, cancellationToken);
            lastRun = new ScheduleLastRun(runId, occurrence, run is null ? null : WireName.Of(run.Status), $"/api/runs/{runId}", run?.Lists.GetValueOrDefault("steps"));
        }

        return new SyncScheduleView(
            schedule.Id,
            definition.Name ?? schedule.Id,
            definition.Schedule ?? string.Empty,
            [.. (definition.Operations ?? []).OfType<ScheduleOperation>()],
            definition.StopOnError ?? true,
            new ScheduleNotificationSettings(notifications?.OnComplete ?? false, notifications?.OnError ?? true, notifications?.WebhookUrl),
            schedule.CreatedBy,
            schedule.CreatedAt,
            ScheduledSyncStarter.NextOccurrence(schedule, time.GetUtcNow()),
            lastRun);
    }

    // Readable in URLs and logs, and unique without a lookup.
    private static string NewId(string name)
    {
        var slug = new string([.. name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{(slug.Length > 40 ? slug[..40].TrimEnd('-') : slug is "" ? "schedule" : slug)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }

    private static ApiError Unknown(string id) => new("No such schedule.", new Dictionary<string, object?> { ["id"] = id });
}

/// <summary>A schedule as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Schedule">Its cron expression (UTC).</param>
/// <param name="Operations">Its steps, in order.</param>
/// <param name="StopOnError">Whether a failed step skips the rest.</param>
/// <param name="Notifications">Whom its runs tell, and when.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="NextRunAt">Its next occurrence.</param>
/// <param name="LastRun">The latest occurrence that was run, if any.</param>
public sealed record SyncScheduleView(
    string Id,
    string Name,
    string Schedule,
    IReadOnlyList<ScheduleOperation> Operations,
    bool StopOnError,
    ScheduleNotificationSettings Notifications,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextRunAt,
    ScheduleLastRun? LastRun);

/// <summary>A schedule's latest run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Occurrence">The occurrence it ran for.</param>
/// <param name="Status">Its status (read for a single schedule; <see langword="null"/> in lists).</param>
/// <param name="StatusUrl">Where to follow it.</param>
/// <param name="Steps">How each step went, for people (read for a single schedule).</param>
public sealed record ScheduleLastRun(string RunId, DateTimeOffset Occurrence, string? Status, string StatusUrl, IReadOnlyList<string>? Steps);

/// <summary>The answer to a delete.</summary>
/// <param name="Id">The schedule.</param>
/// <param name="Deleted">Always <see langword="true"/>.</param>
public sealed record ScheduleDeleted(string Id, bool Deleted);
