using CowansSync.Functions.Settings;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// The functions this app runs: every definition in the app root, each with its registered handler.
/// Built once at start; a definition without a handler stops the app, since the host would invoke it in vain.
/// </summary>
public sealed class FunctionCatalog
{
    /// <summary>Reads the definitions and checks that each has a handler.</summary>
    /// <param name="options">Where the definitions are.</param>
    /// <param name="configuration">Resolves <c>%Setting%</c> references in definitions.</param>
    /// <param name="handlers">Tells which handlers are registered.</param>
    /// <exception cref="InvalidOperationException">A definition is invalid or has no handler.</exception>
    public FunctionCatalog(IOptions<FunctionAppOptions> options, IConfiguration configuration, IServiceProviderIsKeyedService handlers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        Definitions = FunctionDefinitionReader.Read(options.Value.AppRoot, configuration);
        foreach (var definition in Definitions)
        {
            var handlerType = definition.Trigger switch
            {
                TimerTrigger => typeof(ITimerFunction),
                QueueTrigger => typeof(IQueueFunction),
                _ => null,
            };
            if (definition.Trigger is QueueTrigger { Connection: not SyncStorageOptions.Section } queue)
            {
                throw new InvalidOperationException(
                    $"The queue function '{definition.Name}' uses the connection '{queue.Connection}'; this app's queues are in '{SyncStorageOptions.Section}'.");
            }

            if (handlerType is not null && !handlers.IsKeyedService(handlerType, definition.Name))
            {
                throw new InvalidOperationException(
                    $"The function '{definition.Name}' in '{options.Value.AppRoot}' has no registered {handlerType.Name} handler.");
            }
        }
    }

    /// <summary>Every enabled definition, by name.</summary>
    public IReadOnlyList<FunctionDefinition> Definitions { get; }

    /// <summary>The timer functions.</summary>
    public IEnumerable<(string Name, TimerTrigger Trigger)> Timers =>
        Definitions.Where(d => d.Trigger is TimerTrigger).Select(d => (d.Name, (TimerTrigger)d.Trigger));

    /// <summary>The queue functions.</summary>
    public IEnumerable<(string Name, QueueTrigger Trigger)> Queues =>
        Definitions.Where(d => d.Trigger is QueueTrigger).Select(d => (d.Name, (QueueTrigger)d.Trigger));
}
