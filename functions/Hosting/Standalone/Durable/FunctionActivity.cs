using Microsoft.DurableTask;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// Runs an <c>[ActivityTrigger]</c> method as a Durable Task activity: the shim deserializes the input to the trigger
/// parameter's type; the method runs in a scope of its own with <c>instanceId</c> bound, as the Functions worker binds it.
/// </summary>
/// <remarks>
/// No cancellation reaches the method: when the host stops, DTFx lets running activities finish, and one cancelled
/// half-way would be recorded as failed in its orchestration's history for good.
/// </remarks>
/// <param name="function">The function.</param>
/// <param name="scopes">Creates the call's scope.</param>
internal sealed class FunctionActivity(FunctionMethod function, IServiceScopeFactory scopes) : ITaskActivity
{
    /// <summary>The trigger parameter's type.</summary>
    public Type InputType => function.TriggerParameter.ParameterType;

    /// <summary><see cref="object"/>: the shim serializes the value the method returned, by its own type.</summary>
    public Type OutputType => typeof(object);

    /// <inheritdoc />
    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["instanceId"] = context.InstanceId };
        return await FunctionMethodInvoker.InvokeAsync(function, scope.ServiceProvider, input, bindingData, CancellationToken.None);
    }
}
