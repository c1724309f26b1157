using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// Standalone mode's Durable Functions runtime: creates the task hub if it is missing and runs a DTFx
/// <see cref="TaskHubWorker"/> with the app's orchestrator and activity functions until the host stops, then lets
/// the running work items finish (within the host's shutdown timeout).
/// </summary>
/// <remarks>
/// The functions are checked when the host starts, so a bad one stops it at once. Storage is reached in the
/// background, retried until it answers, so the app starts (and serves HTTP) while storage is briefly unreachable,
/// like the rest of the app (<see cref="Storage.StorageClients"/>).
/// </remarks>
internal sealed partial class DurableTaskHubWorker(
    FunctionMethods functions,
    AzureStorageOrchestrationService service,
    DataConverter dataConverter,
    IServiceProvider services,
    IOptions<DurableTaskHubOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ILogger<DurableTaskHubWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private DurableFunctionRegistrations? _registrations;
    private readonly Lock _stopLock = new();
    private TaskHubWorker? _worker;
    private Task? _stopping;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _registrations = DurableFunctionRegistrations.From(functions, dataConverter, services, loggerFactory);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The host may stop twice at once (a test factory's dispose): both wait for the one stop of the worker, so
        // neither runs into a disposed worker, nor lets the host dispose its services while the worker still runs.
        Task stopping;
        lock (_stopLock)
        {
            stopping = _stopping ??= StopWorkerAsync();
        }

        await stopping.WaitAsync(cancellationToken);
    }

    private async Task StopWorkerAsync()
    {
        if (_worker is { } worker)
        {
            await worker.StopAsync();
            worker.Dispose();
            LogStopped(options.Value.HubName);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registrations = _registrations!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await service.CreateIfNotExistsAsync().WaitAsync(stoppingToken);
                var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
                worker.AddTaskOrchestrations([.. registrations.Orchestrations]);
                worker.AddTaskActivities([.. registrations.Activities]);
                await worker.StartAsync();
                _worker = worker;
                LogStarted(options.Value.HubName, registrations.Orchestrations.Count, registrations.Activities.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Whatever storage throws (RequestFailedException, DTFx's wrappers of it): the hub is retried, not given up.
                LogStartFailed(error, options.Value.HubName, RetryDelay);
                await Task.Delay(RetryDelay, timeProvider, stoppingToken);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Task hub {HubName} started: {Orchestrations} orchestrator and {Activities} activity functions")]
    private partial void LogStarted(string hubName, int orchestrations, int activities);

    [LoggerMessage(2, LogLevel.Warning, "Task hub {HubName} could not start; retrying in {RetryDelay}")]
    private partial void LogStartFailed(Exception error, string hubName, TimeSpan retryDelay);

    [LoggerMessage(3, LogLevel.Information, "Task hub {HubName} stopped")]
    private partial void LogStopped(string hubName);
}
