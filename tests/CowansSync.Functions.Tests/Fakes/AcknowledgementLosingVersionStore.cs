using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Fakes;

/// <summary>
/// Fault injection: the first time each change's version is recorded, the write lands but its acknowledgement is
/// lost (the call throws after it), so the push activity fails after writing to Shopify and runs again.
/// </summary>
/// <param name="inner">The real store.</param>
public sealed class AcknowledgementLosingVersionStore(IProductVersionStore inner) : IProductVersionStore
{
    private readonly ConcurrentDictionary<string, bool> _lost = new(StringComparer.Ordinal);

    /// <summary>How many acknowledgements were lost.</summary>
    public int LostCount => _lost.Count;

    /// <inheritdoc />
    public async Task<ProductVersion> RecordAsync(Product snapshot, string changeId, SourceSystem source, ChangeDirection direction, string actor, CancellationToken cancellationToken)
    {
        var version = await inner.RecordAsync(snapshot, changeId, source, direction, actor, cancellationToken);
        return _lost.TryAdd(changeId, true)
            ? throw new TimeoutException($"Injected fault: the acknowledgement of the version of change '{changeId}' was lost.")
            : version;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductVersion>> ListAsync(Sku sku, CancellationToken cancellationToken) => inner.ListAsync(sku, cancellationToken);
}
