using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// The context an <c>[OrchestrationTrigger]</c> method receives in standalone mode: the shim's context, except that
/// <see cref="GetInput{T}"/> converts the input to whatever type the method asks for. The shim deserializes the input
/// once, to the orchestrator's declared input type, and only casts it afterwards; a <c>[Function]</c> adapter's type
/// is known only when it calls <see cref="GetInput{T}"/>, so the shim keeps the input as a
/// <see cref="JsonElement"/> (<see cref="FunctionOrchestrator.InputType"/>) and this converts it then, as the
/// Functions worker's own context does.
/// </summary>
/// <param name="inner">The shim's context.</param>
/// <param name="dataConverter">The converter the shim uses, so the input reads as it was written.</param>
/// <param name="loggerFactory">For replay-safe loggers.</param>
internal sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, DataConverter dataConverter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    /// <inheritdoc />
    public override TaskName Name => inner.Name;

    /// <inheritdoc />
    public override string InstanceId => inner.InstanceId;

    /// <inheritdoc />
    public override ParentOrchestrationInstance? Parent => inner.Parent;

    /// <inheritdoc />
    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    /// <inheritdoc />
    public override bool IsReplaying => inner.IsReplaying;

    /// <inheritdoc />
    public override string Version => inner.Version;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    /// <inheritdoc />
    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    /// <inheritdoc />
    protected override ILoggerFactory LoggerFactory => loggerFactory;

    /// <inheritdoc />
    public override T? GetInput<T>()
        where T : default
    {
        var input = inner.GetInput<JsonElement?>();
        return input switch
        {
            null or { ValueKind: JsonValueKind.Null } => default,
            T element => element,
            { } json => dataConverter.Deserialize<T>(json.GetRawText()),
        };
    }

    /// <inheritdoc />
    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    /// <inheritdoc />
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    /// <inheritdoc />
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    /// <inheritdoc />
    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    /// <inheritdoc />
    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    /// <inheritdoc />
    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    /// <inheritdoc />
    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    /// <inheritdoc />
    public override Guid NewGuid() => inner.NewGuid();
}
