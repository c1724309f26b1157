using DurableTask.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using TaskOrchestrationContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// The app's <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> functions as DTFx registrations, each by its
/// function name (version <c>""</c>), each run through the public <see cref="DurableTaskShimFactory"/>.
/// </summary>
internal sealed class DurableFunctionRegistrations
{
    private DurableFunctionRegistrations(IReadOnlyList<ObjectCreator<TaskOrchestration>> orchestrations, IReadOnlyList<ObjectCreator<TaskActivity>> activities)
    {
        Orchestrations = orchestrations;
        Activities = activities;
    }

    /// <summary>One creator per orchestrator function.</summary>
    public IReadOnlyList<ObjectCreator<TaskOrchestration>> Orchestrations { get; }

    /// <summary>One creator per activity function.</summary>
    public IReadOnlyList<ObjectCreator<TaskActivity>> Activities { get; }

    /// <summary>Registers the durable functions among <paramref name="functions"/>.</summary>
    /// <param name="functions">The app's functions.</param>
    /// <param name="dataConverter">The hub's converter, for inputs, outputs, events and custom status.</param>
    /// <param name="services">The app's root services.</param>
    /// <param name="loggerFactory">For the shim's and the orchestrations' logs.</param>
    /// <returns>The registrations.</returns>
    /// <exception cref="InvalidOperationException">An orchestrator's trigger is not a <see cref="TaskOrchestrationContext"/>, or a parameter cannot be bound.</exception>
    public static DurableFunctionRegistrations From(FunctionMethods functions, DataConverter dataConverter, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = dataConverter }, loggerFactory);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var orchestrations = functions.Of<OrchestrationTriggerAttribute>().Select(entry =>
        {
            var function = Checked(entry.Function);
            if (function.TriggerParameter.ParameterType != typeof(TaskOrchestrationContext))
            {
                throw new InvalidOperationException(
                    $"The orchestrator function '{function.Name}' must take its [OrchestrationTrigger] as a TaskOrchestrationContext.");
            }

            return (ObjectCreator<TaskOrchestration>)new Creator<TaskOrchestration>(
                function.Name, () => shims.CreateOrchestration(new TaskName(function.Name), new FunctionOrchestrator(function, services, dataConverter, loggerFactory)));
        });
        var activities = functions.Of<ActivityTriggerAttribute>().Select(entry =>
        {
            var function = Checked(entry.Function);
            return (ObjectCreator<TaskActivity>)new Creator<TaskActivity>(
                function.Name, () => shims.CreateActivity(new TaskName(function.Name), new FunctionActivity(function, scopes)));
        });
        return new DurableFunctionRegistrations([.. orchestrations], [.. activities]);
    }

    private static FunctionMethod Checked(FunctionMethod function)
    {
        FunctionMethodInvoker.CheckBindable(function);
        return function;
    }

    // DTFx asks its creator for a new object per work item: an orchestration shim keeps its episode's state.
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
