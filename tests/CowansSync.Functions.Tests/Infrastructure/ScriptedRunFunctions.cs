using CowansSync.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>
/// Stand-ins for the app's orchestrations, under their names, that only show the state they are given and end as
/// scripted (<see cref="ScriptedRun"/>): real task-hub instances for the runs and monitoring APIs to read, in any
/// state, without running an import. Run them with <c>FunctionAppFactory</c>'s function classes.
/// </summary>
public static class ScriptedRunFunctions
{
    /// <summary>The event a waiting run finishes on.</summary>
    public const string FinishEvent = "finish";

    /// <summary>Stands in for the import.</summary>
    [Function(nameof(ImportCatalog))]
    public static Task<RunState> ImportCatalog([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    /// <summary>Stands in for the push.</summary>
    [Function(nameof(PushChanges))]
    public static Task<RunState> PushChanges([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    /// <summary>The instance id of the push a <see cref="ScriptedOutcome.WaitOnChild"/> run starts.</summary>
    /// <param name="instanceId">The run.</param>
    /// <returns>The child's id.</returns>
    public static string ChildOf(string instanceId) => $"{instanceId}-child";

    private static async Task<RunState> RunAsync(TaskOrchestrationContext context)
    {
        var run = context.GetInput<ScriptedRun>()!;
        context.SetCustomStatus(run.State);
        switch (run.Outcome)
        {
            case ScriptedOutcome.Fail:
                throw new InvalidOperationException(run.Error);
            case ScriptedOutcome.Wait:
                await context.WaitForExternalEvent<object>(FinishEvent);
                break;
            case ScriptedOutcome.WaitOnChild:
                await context.CallSubOrchestratorAsync<RunState>(nameof(PushChanges), run with { Outcome = ScriptedOutcome.Wait },
                    new SubOrchestrationOptions(instanceId: ChildOf(context.InstanceId)));
                break;
        }

        return run.State;
    }
}
