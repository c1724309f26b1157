
namespace CowansSync.Functions.Work;

/// <summary>Registers <c>sync-work</c> message handlers.</summary>
public static class WorkServiceCollectionExtensions
{
    /// <summary>Registers the handler of messages whose <c>type</c> is <paramref name="messageType"/>.</summary>
    /// <typeparam name="THandler">The handler; scoped, one instance per message.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="messageType">The message type, e.g. <c>import.split</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddWorkMessageHandler<THandler>(this IServiceCollection services, string messageType)
        where THandler : class, IWorkMessageHandler =>
        services.AddKeyedScoped<IWorkMessageHandler, THandler>(messageType);
}
