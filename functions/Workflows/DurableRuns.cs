using System.Text.Json;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Schedules;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Runs are Durable orchestration instances: these start them idempotently by run id and read them as
/// <see cref="WorkflowRun"/>s (the instance's lifecycle plus the <see cref="RunState"/> it keeps as custom status).
/// </summary>
public static class DurableRuns
{
    /// <summary>The orchestrations that are runs, with their kinds; sub-orchestrations such as staging chunks are not listed.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ImportCatalog)] = RunKinds.EtilizeImport,
        [nameof(PushChanges)] = RunKinds.ShopifyPush,
        [nameof(RollbackChange)] = RunKinds.Rollback,
        [nameof(PullShopify)] = RunKinds.ShopifyPull,
        [nameof(SyncXorosoftInventory)] = RunKinds.XorosoftInventory,
        [nameof(RunSyncSchedule)] = RunKinds.ScheduledSync,
    };

    /// <summary>
    /// Reads what orchestrations wrote (custom status, inputs): the host's worker may write PascalCase or camelCase,
    /// and these read either.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Starts a run unless one with its id exists; a repeat returns the existing run and starts nothing.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="orchestratorName">The orchestrator, e.g. <c>nameof(ImportCatalog)</c>.</param>
    /// <param name="runId">The run's id, the instance id.</param>
    /// <param name="input">The orchestrator's input.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as it is now (pending when just scheduled).</returns>
    public static async Task<WorkflowRun> StartRunAsync(this DurableTaskClient client, string orchestratorName, string runId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken) is { } existing)
        {
            return RunOf(existing);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(runId), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Another caller may have started it between our read and our start: then theirs is the run.
            if (await client.GetInstanceAsync(runId, cancellationToken) is null)
            {
                throw;
            }
        }

        return await client.GetRunAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"The run '{runId}' was scheduled but cannot be read.");
    }

    /// <summary>A run's input, typed.</summary>
    /// <typeparam name="TInput">The orchestrator's input type.</typeparam>
    /// <param name="run">The run.</param>
    /// <returns>The input, or <see langword="null"/> when it has none of that shape.</returns>
    public static TInput? InputAs<TInput>(this WorkflowRun run)
        where TInput : class
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return JsonSerializer.Deserialize<TInput>(run.Input, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One run.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The run, or <see langword="null"/> when there is none (or the instance is not a run).</returns>
    public static async Task<WorkflowRun?> GetRunAsync(this DurableTaskClient client, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        return instance is not null && Kinds.ContainsKey(instance.Name) ? RunOf(instance) : null;
    }

    /// <summary>Runs, newest first.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="kind">Only runs of this kind; <see langword="null"/> for all.</param>
    /// <param name="status">Only runs in this status; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The runs.</returns>
    public static async Task<IReadOnlyList<WorkflowRun>> ListRunsAsync(this DurableTaskClient client, string? kind, RunStatus? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var runs = new List<WorkflowRun>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true, PageSize = 500 }).WithCancellation(cancellationToken))
        {
            // The kind a run shows (its state's, else its orchestrator's) is the one it is filtered on.
            if (Kinds.ContainsKey(instance.Name) && RunOf(instance) is var run && (kind is null || run.Kind == kind) && (status is null || run.Status == status))
            {
                runs.Add(run);
            }
        }

        return [.. runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];
    }

    /// <summary>The run of an orchestration instance.</summary>
    /// <param name="instance">The instance, read with its inputs and outputs.</param>
    /// <returns>The run.</returns>
    public static WorkflowRun RunOf(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<RunState>(json, Json) : null;
        var finished = instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
        var failure = instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? FailureMessage(instance) : null;
        return new WorkflowRun
        {
            RunId = instance.InstanceId,
            Kind = state?.Kind ?? Kinds.GetValueOrDefault(instance.Name, instance.Name),
            Status = instance.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Pending => RunStatus.Pending,
                OrchestrationRuntimeStatus.Failed => RunStatus.Failed,
                OrchestrationRuntimeStatus.Terminated => RunStatus.Cancelled,
                OrchestrationRuntimeStatus.Completed => state?.Status ?? RunStatus.Completed,
                _ => state?.Status ?? RunStatus.Running,
            },
            Phase = state?.Phase ?? "starting",
            Progress = state?.Progress ?? RunProgress.None,
            Counters = state?.Counters ?? new Dictionary<string, long>(),
            CustomStatus = state?.Note,
            CreatedBy = state?.CreatedBy,
            StartedAt = instance.CreatedAt,
            UpdatedAt = instance.LastUpdatedAt,
            CompletedAt = finished ? instance.LastUpdatedAt : null,
            EstimatedCompletion = finished ? null : state?.EstimatedCompletion,
            LastError = failure ?? state?.LastError,
            Errors = state?.Errors ?? (failure is null ? [] : [failure]),
            Lists = state?.Lists ?? new Dictionary<string, IReadOnlyList<string>>(),
            Input = instance.SerializedInput ?? "{}",
        };
    }

    // The Azure Storage provider may leave FailureDetails empty and keep the error in the serialized output.
    private static string FailureMessage(OrchestrationMetadata instance)
    {
        if (instance.FailureDetails is { } failure)
        {
            return failure.ErrorMessage;
        }

        if (instance.SerializedOutput is { Length: > 0 } output)
        {
            try
            {
                return JsonSerializer.Deserialize<TaskFailureDetails>(output, Json)?.ErrorMessage ?? output;
            }
            catch (JsonException)
            {
                return output;
            }
        }

        return "The run failed.";
    }
}
