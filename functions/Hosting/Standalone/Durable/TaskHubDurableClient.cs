using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> of standalone mode (what <c>[DurableClient]</c> binds): DTFx's
/// <see cref="TaskHubClient"/> and the Azure Storage provider's query and purge clients on the app's task hub, with
/// the hub's <see cref="DataConverter"/> for every payload.
/// </summary>
/// <remarks>
/// As under the Functions host, starting an instance whose id is still pending, running or suspended fails
/// (<see cref="DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"/>) unless
/// <see cref="StartOrchestrationOptions.DedupeStatuses"/> says otherwise, and a finished one is replaced.
/// Terminating and purging act on the instance itself, not its sub-orchestrations. Entities are not supported.
/// </remarks>
internal sealed partial class TaskHubDurableClient : DurableTaskClient
{
    private static readonly OrchestrationStatus[] RunningStatuses = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubClient _client;
    private readonly DataConverter _dataConverter;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the client.</summary>
    /// <param name="service">The hub's provider, shared with the worker.</param>
    /// <param name="dataConverter">The hub's converter.</param>
    /// <param name="options">The hub's options (its name names the client).</param>
    /// <param name="timeProvider">Paces the waits.</param>
    /// <param name="loggerFactory">For DTFx's client logs.</param>
    public TaskHubDurableClient(
        AzureStorageOrchestrationService service, DataConverter dataConverter, IOptions<DurableTaskHubOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : base(options.Value.HubName)
    {
        _service = service;
        _client = new TaskHubClient(service, new CoreDataConverter(dataConverter), loggerFactory);
        _dataConverter = dataConverter;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instanceId = string.IsNullOrEmpty(options?.InstanceId) ? Guid.NewGuid().ToString("N") : options.InstanceId;
        var version = options?.Version?.Version ?? string.Empty;
        var tags = options?.Tags?.ToDictionary(tag => tag.Key, tag => tag.Value);
        var dedupeStatuses = options?.DedupeStatuses is { Count: > 0 } names
            ? [.. names.Select(name => Enum.Parse<OrchestrationStatus>(name, ignoreCase: true))]
            : RunningStatuses;
        var created = options?.StartAt is { } startAt
            ? _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, version, instanceId, input, tags, dedupeStatuses, startAt.UtcDateTime)
            : _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, version, instanceId, input, tags, dedupeStatuses);
        return (await created.WaitAsync(cancellation)).InstanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return _client.RaiseEventAsync(Instance(instanceId), eventName, eventPayload!).WaitAsync(cancellation);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var children = options?.Recursive == true ? await SubOrchestrationsOfAsync(instanceId, cancellation) : [];

        // The reason becomes the instance's output; without one it stays null, which DTFx accepts.
        await _client.TerminateInstanceAsync(Instance(instanceId), _dataConverter.Serialize(options?.Output)!).WaitAsync(cancellation);
        foreach (var child in children)
        {
            if (await GetInstanceAsync(child, cancellation) is { IsCompleted: false })
            {
                await TerminateInstanceAsync(child, options, cancellation);
            }
        }
    }

    /// <summary>The instances an orchestration started as sub-orchestrations, read from its history (DTFx has no other record of them).</summary>
    private async Task<IReadOnlyList<string>> SubOrchestrationsOfAsync(string instanceId, CancellationToken cancellation)
    {
        // The history is read per execution: the latest one's id comes with the instance's state.
        var state = await _client.GetOrchestrationStateAsync(instanceId).WaitAsync(cancellation);
        var history = state?.OrchestrationInstance is { } execution ? await _client.GetOrchestrationHistoryAsync(execution).WaitAsync(cancellation) : null;
        if (string.IsNullOrEmpty(history))
        {
            return [];
        }

        using var events = JsonDocument.Parse(history);
        return [.. events.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("EventType", out var type) && IsSubOrchestrationCreated(type) && e.TryGetProperty("InstanceId", out _))
            .Select(e => e.GetProperty("InstanceId").GetString())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }

    private static bool IsSubOrchestrationCreated(JsonElement eventType) => eventType.ValueKind switch
    {
        JsonValueKind.Number => eventType.GetInt32() == (int)DurableTask.Core.History.EventType.SubOrchestrationInstanceCreated,
        JsonValueKind.String => eventType.GetString() == nameof(DurableTask.Core.History.EventType.SubOrchestrationInstanceCreated),
        _ => false,
    };

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return _client.SuspendInstanceAsync(Instance(instanceId), reason).WaitAsync(cancellation);
    }

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return _client.ResumeInstanceAsync(Instance(instanceId), reason).WaitAsync(cancellation);
    }

    /// <inheritdoc />
    /// <remarks>Restarting under the same id requires the instance to have finished (an <see cref="InvalidOperationException"/> otherwise).</remarks>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var instance = await GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation)
            ?? throw new ArgumentException($"No orchestration instance has the id '{instanceId}'.", nameof(instanceId));
        if (!restartWithNewInstanceId && !instance.IsCompleted)
        {
            throw new InvalidOperationException($"The orchestration instance '{instanceId}' is {instance.RuntimeStatus}; only a finished instance restarts under its own id.");
        }

        // The input as it was written: a JsonElement serializes back to the same JSON.
        var input = instance.SerializedInput is { } serialized ? _dataConverter.Deserialize<JsonElement>(serialized) : (object?)null;
        var options = new StartOrchestrationOptions(restartWithNewInstanceId ? null : instanceId);
        return await ScheduleNewOrchestrationInstanceAsync(instance.Name, input, options, cancellation);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationInstance Instance(string instanceId) => new() { InstanceId = instanceId };
}
