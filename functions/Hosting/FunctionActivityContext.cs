using Microsoft.DurableTask;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// The activity context a one-line <c>[ActivityTrigger]</c> adapter hands its <see cref="TaskActivity{TInput, TOutput}"/>,
/// as the Durable source generator's adapters do: the activity's name and its orchestration's instance id.
/// </summary>
/// <param name="name">The activity's name.</param>
/// <param name="instanceId">The instance id of the orchestration that called it.</param>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
