using System.Reflection;
using Azure;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowansSync.Functions.Apis;

/// <summary><c>GET /api/health</c> (anonymous): storage reachability, queue backlogs, timer runs, version.</summary>
public static class HealthApi
{
    // Without queue functions the Queue service is probed through a queue that need not exist (404 = reachable).
    private const string ProbeName = "health-probe";

    // Storage answers in milliseconds; give up well before a load balancer's probe does.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Maps the route.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The route.</returns>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", GetHealthAsync).AllowAnonymous().WithName("GetHealth").WithTags("Health");

    /// <summary>Checks the app's dependencies.</summary>
    /// <param name="services">Triggers, storage, timer runs, mode, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 when every storage service answers, else 503; the report either way.</returns>
    public static async Task<JsonHttpResult<HealthReport>> GetHealthAsync([AsParameters] HealthServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var token = timeout.Token;

        var queues = services.Triggers.Queues;
        var depths = queues.SelectMany(queue => new[] { queue.QueueName, queue.PoisonQueueName })
            .DefaultIfEmpty(ProbeName).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => ProbeAsync<long?>(async () =>
                (await services.Storage.GetQueueClient(name).GetPropertiesAsync(token)).Value.ApproximateMessagesCount, 0), StringComparer.Ordinal);
        var blob = ProbeAsync(async () =>
            (bool?)(await services.Storage.GetBlobContainerClient(TimerLocks.ContainerName).GetBlobClient(ProbeName).ExistsAsync(token)).Value, false);
        var lastRuns = ProbeAsync(() => services.TimerRuns.GetLastRunsAsync(token), null);
        await Task.WhenAll([blob, lastRuns, .. depths.Values]);

        var storage = new Dictionary<string, ServiceHealth>
        {
            ["blob"] = blob.Result.Health,
            ["queue"] = depths.Values.Select(depth => depth.Result.Health).FirstOrDefault(health => !health.Reachable) ?? new ServiceHealth(true),
            ["table"] = lastRuns.Result.Health,
        };
        var healthy = storage.Values.All(service => service.Reachable);
        var now = services.TimeProvider.GetUtcNow();
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", Version, services.Mode.Name, now, storage,
            [.. queues.Select(queue => new QueueHealth(queue.Name, queue.QueueName, depths[queue.QueueName].Result.Value,
                queue.PoisonQueueName, depths[queue.PoisonQueueName].Result.Value))],
            [.. services.Triggers.Timers.Select(timer => new TimerHealth(timer.Name, timer.Schedule.Expression,
                timer.Schedule.GetNextOccurrence(now), lastRuns.Result.Value?.GetValueOrDefault(timer.Name)))]);
        return TypedResults.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Runs one check; "not found" means the service answered, so it counts as reachable with <paramref name="whenNotFound"/>.</summary>
    private static async Task<(ServiceHealth Health, T? Value)> ProbeAsync<T>(Func<Task<T>> probe, T? whenNotFound)
    {
        try
        {
            return (new ServiceHealth(true), await probe());
        }
        catch (RequestFailedException error) when (error.Status == StatusCodes.Status404NotFound)
        {
            return (new ServiceHealth(true), whenNotFound);
        }
        catch (RequestFailedException error)
        {
            return (new ServiceHealth(false, error.Status == 0 ? "unreachable" : $"{error.Status} {error.ErrorCode}"), default);
        }
        catch (OperationCanceledException)
        {
            return (new ServiceHealth(false, "timed out"), default);
        }
    }
}
