using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Calls a <c>[Function]</c> method the way the worker binds it: the trigger's value into the trigger parameter, the
/// cancellation token, <c>[DurableClient]</c> from services, and every other parameter by name from the trigger's
/// binding data (route values, <c>instanceId</c>, …). The declaring class comes from the scope's services, or is
/// created with its constructor dependencies, as the worker does.
/// </summary>
internal static class FunctionMethodInvoker
{
    /// <summary>Runs the function.</summary>
    /// <param name="function">The function.</param>
    /// <param name="services">The invocation's scope.</param>
    /// <param name="triggerValue">The trigger parameter's value, already of its type.</param>
    /// <param name="bindingData">Named values for the other parameters; names are case-insensitive.</param>
    /// <param name="cancellationToken">Passed to a <see cref="CancellationToken"/> parameter.</param>
    /// <returns>What the method returned, awaited.</returns>
    /// <exception cref="InvalidOperationException">A parameter has no value the standalone host can give.</exception>
    public static async Task<object?> InvokeAsync(
        FunctionMethod function, IServiceProvider services, object? triggerValue, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(bindingData);
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => ArgumentFor(function, p, services, triggerValue, bindingData, cancellationToken)).ToArray();
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    /// <summary>Checks, at start-up, that every parameter of the function can be bound in standalone mode.</summary>
    /// <param name="function">The function.</param>
    /// <exception cref="InvalidOperationException">A parameter cannot be bound (e.g. <see cref="FunctionContext"/>).</exception>
    public static void CheckBindable(FunctionMethod function)
    {
        ArgumentNullException.ThrowIfNull(function);
        foreach (var parameter in function.Method.GetParameters())
        {
            if (parameter.ParameterType == typeof(FunctionContext))
            {
                throw new InvalidOperationException(
                    $"The function '{function.Name}' takes a FunctionContext, which only the Functions host supplies; take its dependencies by constructor instead.");
            }
        }
    }

    private static object? ArgumentFor(
        FunctionMethod function, ParameterInfo parameter, IServiceProvider services, object? triggerValue, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            return triggerValue;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return services.GetRequiredService<DurableTaskClient>();
        }

        var value = bindingData.FirstOrDefault(pair => string.Equals(pair.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return value switch
        {
            null when parameter.HasDefaultValue => parameter.DefaultValue,
            null => null,
            _ when parameter.ParameterType.IsInstanceOfType(value) => value,
            string text => TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromString(null, CultureInfo.InvariantCulture, text),
            _ => throw new InvalidOperationException($"The function '{function.Name}' cannot bind its parameter '{parameter.Name}' from a {value.GetType().Name}."),
        };
    }
}
