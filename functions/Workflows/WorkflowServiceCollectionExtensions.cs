using CowansSync.Functions.Work;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Workflows;

/// <summary>Registers workflow steps as <c>sync-work</c> handlers.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TStep"/> for messages of <paramref name="messageType"/>.</summary>
    /// <typeparam name="TStep">The step; scoped.</typeparam>
    /// <typeparam name="TMessage">Its message.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="messageType">The message type, e.g. <c>import.split</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddWorkflowStep<TStep, TMessage>(this IServiceCollection services, string messageType)
        where TStep : class, IWorkflowStep<TMessage>
        where TMessage : IWorkflowMessage
    {
        services.AddScoped<TStep>();
        return services.AddWorkMessageHandler<WorkflowStepHandler<TStep, TMessage>>(messageType);
    }
}
