using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Fakes;

/// <summary>
/// Fault injection: the first version recorded lands but its acknowledgement is lost (the call throws after it), so
/// the push activity fails after writing to Shopify and runs again over the whole batch, as at-least-once delivery may.
/// </summary>
/// <param name="inner">The real store.</param>
public sealed class AcknowledgementLosingVersionStore(IProductVersionStore inner) : IProductVersionStore
{
    private int _recorded;

    /// <summary>Whether an acknowledgement was lost.</summary>
    public bool Lost => Volatile.Read(ref _recorded) > 0;

    /// <inheritdoc />
    public async Task<ProductVersion> RecordAsync(Product snapshot, string changeId, SourceSystem source, ChangeDirection direction, string actor, CancellationToken cancellationToken)
    {
        var version = await inner.RecordAsync(snapshot, changeId, source, direction, actor, cancellationToken);
        return Interlocked.Increment(ref _recorded) == 1
            ? throw new TimeoutException($"Injected fault: the acknowledgement of the version of change '{changeId}' was lost.")
            : version;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductVersion>> ListAsync(Sku sku, CancellationToken cancellationToken) => inner.ListAsync(sku, cancellationToken);
}
