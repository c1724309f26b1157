using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>TEMP.</summary>
public sealed class PushChanges : TaskOrchestrator<PushRequest, RunState>
{
    /// <inheritdoc />
    public override Task<RunState> RunAsync(TaskOrchestrationContext context, PushRequest input) => throw new InvalidOperationException();
}
