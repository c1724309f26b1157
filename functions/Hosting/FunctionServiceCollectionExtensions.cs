
namespace CowansSync.Functions.Hosting;

/// <summary>Registers function handlers under their function names.</summary>
public static class FunctionServiceCollectionExtensions
{
    /// <summary>Registers the handler of the timer function <paramref name="functionName"/>.</summary>
    /// <typeparam name="THandler">The handler; scoped, one instance per invocation.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="functionName">The function's name: its folder with the <c>function.json</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTimerFunction<THandler>(this IServiceCollection services, string functionName)
        where THandler : class, ITimerFunction =>
        services.AddKeyedScoped<ITimerFunction, THandler>(functionName);

    /// <summary>Registers the handler of the queue function <paramref name="functionName"/>.</summary>
    /// <typeparam name="THandler">The handler; scoped, one instance per message.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="functionName">The function's name: its folder with the <c>function.json</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddQueueFunction<THandler>(this IServiceCollection services, string functionName)
        where THandler : class, IQueueFunction =>
        services.AddKeyedScoped<IQueueFunction, THandler>(functionName);
}
