using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Open changes by product for pulls and webhooks: the keys of every pending or approved change are read at most once
/// a minute per process (<see cref="StagedChangeStore.ListOpenKeysAsync"/>), and each batch then reads only its
/// products' changes.
/// </summary>
/// <remarks>
/// A change staged after the keys were read is not checked until the next read; the push's re-read still meets any
/// conflict it has. The changes themselves are read fresh, and only those still open are answered.
/// </remarks>
public sealed class OpenChangeIndex(StagedChangeStore staged, TimeProvider time) : IOpenChanges, IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Loaded? _last;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StagedChange>>> FindAsync(IReadOnlyCollection<Sku> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var keys = skus.Select(sku => sku.Normalized).Distinct(StringComparer.Ordinal).SelectMany(sku => index[sku]).ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<StagedChange>>();
        }

        var changes = await staged.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        return changes.Values
            .Where(change => change.Status is ChangeStatus.Pending or ChangeStatus.Approved)
            .GroupBy(change => change.Sku.Normalized, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<StagedChange>)[.. group], StringComparer.Ordinal);
    }

    private async Task<ILookup<string, OpenChangeKey>> IndexAsync(CancellationToken cancellationToken)
    {
        if (_last is { } last && time.GetUtcNow() - last.ReadAt < MaxAge)
        {
            return last.BySku;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } loaded && time.GetUtcNow() - loaded.ReadAt < MaxAge)
            {
                return loaded.BySku;
            }

            var readAt = time.GetUtcNow();
            var keys = await staged.ListOpenKeysAsync(cancellationToken).ConfigureAwait(false);
            var bySku = keys.ToLookup(key => key.Sku, StringComparer.Ordinal);
            _last = new Loaded(readAt, bySku);
            return bySku;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Loaded(DateTimeOffset ReadAt, ILookup<string, OpenChangeKey> BySku);
}
