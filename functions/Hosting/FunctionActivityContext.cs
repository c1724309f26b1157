using Microsoft.DurableTask;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// The <see cref="TaskActivityContext"/> an <c>[ActivityTrigger]</c> adapter hands its activity class: the Functions
/// worker binds the activity's input and its <c>instanceId</c>, not a context, so the adapter rebuilds one from them.
/// Used alike under the Functions host and in standalone mode.
/// </summary>
/// <example>
/// <code>
/// [Function(nameof(StageBatch))]
/// public Task&lt;BatchOutcome&gt; RunStageBatch([ActivityTrigger] StageBatchInput input, string instanceId) =>
///     stageBatch.RunAsync(new FunctionActivityContext(nameof(StageBatch), instanceId), input);
/// </code>
/// </example>
public sealed class FunctionActivityContext : TaskActivityContext
{
    /// <summary>Creates the context of one activity call.</summary>
    /// <param name="name">The activity's name.</param>
    /// <param name="instanceId">The instance id of the orchestration that called it.</param>
    public FunctionActivityContext(TaskName name, string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        Name = name;
        InstanceId = instanceId;
    }

    /// <inheritdoc />
    public override TaskName Name { get; }

    /// <inheritdoc />
    public override string InstanceId { get; }
}
