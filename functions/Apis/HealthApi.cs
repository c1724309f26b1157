using System.Reflection;
using Azure;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary><c>GET /api/health</c> (anonymous): storage reachability, queue backlogs, timer runs, version.</summary>
/// <param name="triggers">The functions (which queues and timers to report).</param>
/// <param name="storage">The storage clients.</param>
/// <param name="timerRuns">The timers' last runs.</param>
/// <param name="mode">The hosting mode.</param>
/// <param name="timeProvider">The clock.</param>
public sealed class HealthApi(FunctionTriggers triggers, StorageClients storage, TimerRunLog timerRuns, HostingMode mode, TimeProvider timeProvider)
{
    // Without queue functions the Queue service is probed through a queue that need not exist (404 = reachable).
    private const string ProbeName = "health-probe";

    // Storage answers in milliseconds; give up well before a load balancer's probe does.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Checks the app's dependencies.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 when every storage service answers, else 503; the report either way.</returns>
    [Function(nameof(GetHealth))]
    [ProducesResponseType(typeof(HealthReport), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(HealthReport), StatusCodes.Status503ServiceUnavailable)]
    [AllowAnonymous]
    public async Task<JsonHttpResult<HealthReport>> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var token = timeout.Token;

        var queues = triggers.Queues;
        var depths = queues.SelectMany(queue => new[] { queue.QueueName, queue.PoisonQueueName })
            .DefaultIfEmpty(ProbeName).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => ProbeAsync<long?>(async () =>
                (await storage.GetQueueClient(name).GetPropertiesAsync(token)).Value.ApproximateMessagesCount, 0), StringComparer.Ordinal);
        var blob = ProbeAsync(async () =>
            (bool?)(await storage.GetBlobContainerClient(TimerLocks.ContainerName).GetBlobClient(ProbeName).ExistsAsync(token)).Value, false);
        var lastRuns = ProbeAsync(() => timerRuns.GetLastRunsAsync(token), null);
        await Task.WhenAll([blob, lastRuns, .. depths.Values]);

        var services = new Dictionary<string, ServiceHealth>
        {
            ["blob"] = blob.Result.Health,
            ["queue"] = depths.Values.Select(depth => depth.Result.Health).FirstOrDefault(health => !health.Reachable) ?? new ServiceHealth(true),
            ["table"] = lastRuns.Result.Health,
        };
        var healthy = services.Values.All(service => service.Reachable);
        var now = timeProvider.GetUtcNow();
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", Version, mode.Name, now, services,
            [.. queues.Select(queue => new QueueHealth(queue.Name, queue.QueueName, depths[queue.QueueName].Result.Value,
                queue.PoisonQueueName, depths[queue.PoisonQueueName].Result.Value))],
            [.. triggers.Timers.Select(timer => new TimerHealth(timer.Name, timer.Schedule.Expression,
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
