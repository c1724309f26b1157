using System.Text.Json;
using Microsoft.DurableTask;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// Runs an <c>[OrchestrationTrigger]</c> method as a Durable Task orchestrator: the method gets a
/// <see cref="FunctionOrchestrationContext"/> and reads its input itself (<c>context.GetInput&lt;T&gt;()</c>), as it
/// does under the Functions host.
/// </summary>
/// <remarks>
/// The method is invoked on the shim's orchestration thread and its awaits continue there (no
/// <c>ConfigureAwait(false)</c>), which replay needs. It gets the root services, not a scope: an episode that waits
/// on durable work never completes (the next episode replays it), so a scope would never be disposed, and a
/// deterministic orchestrator has no business with scoped services anyway.
/// </remarks>
/// <param name="function">The function.</param>
/// <param name="services">The app's root services.</param>
/// <param name="dataConverter">The hub's converter.</param>
/// <param name="loggerFactory">For replay-safe loggers.</param>
internal sealed class FunctionOrchestrator(FunctionMethod function, IServiceProvider services, DataConverter dataConverter, ILoggerFactory loggerFactory)
    : ITaskOrchestrator
{
    private static readonly IReadOnlyDictionary<string, object?> NoBindingData = new Dictionary<string, object?>();

    /// <summary>A <see cref="JsonElement"/>: the input passes through the shim as it was written (see <see cref="FunctionOrchestrationContext"/>).</summary>
    public Type InputType => typeof(JsonElement);

    /// <summary><see cref="object"/>: the shim serializes the value the method returned, by its own type.</summary>
    public Type OutputType => typeof(object);

    /// <inheritdoc />
    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        FunctionMethodInvoker.InvokeAsync(
            function, services, new FunctionOrchestrationContext(context, dataConverter, loggerFactory), NoBindingData, CancellationToken.None);
}
