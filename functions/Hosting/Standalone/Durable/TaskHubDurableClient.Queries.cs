using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <content>Reading, waiting for and purging instances.</content>
internal sealed partial class TaskHubDurableClient
{
    // Waits poll the instance row: often at first (short orchestrations finish in well under a second), then once a second.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await _client.GetOrchestrationStateAsync(instanceId).WaitAsync(cancellation);
        return state is null ? null : OrchestrationStates.ToMetadata(state, getInputsAndOutputs, _dataConverter);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new DurableTask.Core.Query.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(OrchestrationStates.ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await _service.GetOrchestrationWithQueryAsync(query, cancellation);
            var instances = result.OrchestrationState.Select(state => OrchestrationStates.ToMetadata(state, query.FetchInputsAndOutputs, _dataConverter)).ToList();
            return new Page<OrchestrationMetadata>(instances, result.ContinuationToken);
        });

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The instance does not exist.</exception>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, instance => instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The instance does not exist.</exception>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, instance => instance.IsCompleted, cancellation);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The instance has not finished.</exception>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellation);
        if (instance is null)
        {
            return new PurgeResult(0);
        }

        if (!instance.IsCompleted)
        {
            throw new InvalidOperationException($"The orchestration instance '{instanceId}' is {instance.RuntimeStatus}; only a finished instance can be purged.");
        }

        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(instanceId).WaitAsync(cancellation);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? default, filter.CreatedTo?.UtcDateTime, filter.Statuses?.Select(OrchestrationStates.ToCore).ToList())
        {
            Timeout = filter.Timeout,
        };
        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(coreFilter).WaitAsync(cancellation);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> reached, CancellationToken cancellation)
    {
        var delay = FirstPoll;
        while (true)
        {
            var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No orchestration instance has the id '{instanceId}'.");
            if (reached(instance))
            {
                return instance;
            }

            await Task.Delay(delay, _timeProvider, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
        }
    }
}
