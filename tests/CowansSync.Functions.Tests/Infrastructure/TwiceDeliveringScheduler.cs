using CowansSync.Functions.Storage;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>Sends every step message twice, as at-least-once delivery may (fault injection).</summary>
/// <param name="inner">The real scheduler.</param>
public sealed class TwiceDeliveringScheduler(IStepScheduler inner) : IStepScheduler
{
    /// <summary>Replaces the app's scheduler with one that sends twice over the real queue.</summary>
    /// <param name="services">The app's services.</param>
    public static void Install(IServiceCollection services)
        => services.Replace(ServiceDescriptor.Singleton<IStepScheduler>(
            provider => new TwiceDeliveringScheduler(new QueueStepScheduler(provider.GetRequiredService<StorageClients>()))));

    /// <inheritdoc />
    public async Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay, CancellationToken cancellationToken)
        where TMessage : IWorkflowMessage
    {
        await inner.EnqueueAsync(message, delay, cancellationToken);
        await inner.EnqueueAsync(message, delay, cancellationToken);
    }
}
