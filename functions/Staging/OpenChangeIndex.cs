using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Open changes by product for a pull: the keys of every pending or approved change are read once per pull run and
/// process (<see cref="StagedChangeStore.ListOpenKeysAsync"/>), and each batch then reads only its products' changes.
/// </summary>
/// <remarks>
/// A change staged after the pull read the keys is not checked by that pull; the push's re-read still meets any
/// conflict it has. The changes themselves are read fresh, and only those still open are answered.
/// </remarks>
public sealed class OpenChangeIndex(StagedChangeStore staged) : IOpenChanges, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Loaded? _last;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StagedChange>>> FindAsync(string pullRunId, IReadOnlyCollection<Sku> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var index = await IndexOfAsync(pullRunId, cancellationToken).ConfigureAwait(false);
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

    private async Task<ILookup<string, OpenChangeKey>> IndexOfAsync(string pullRunId, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.RunId == pullRunId)
        {
            return last.BySku;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } loaded && loaded.RunId == pullRunId)
            {
                return loaded.BySku;
            }

            var keys = await staged.ListOpenKeysAsync(cancellationToken).ConfigureAwait(false);
            var bySku = keys.ToLookup(key => key.Sku, StringComparer.Ordinal);
            _last = new Loaded(pullRunId, bySku);
            return bySku;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Loaded(string RunId, ILookup<string, OpenChangeKey> BySku);
}
