using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// Xorosoft's stock for the inventory sync, from the mirror (<see cref="XorosoftMirror"/>): a refresh is a full mirror
/// sync — the paged product and inventory listings, three requests at a time, throttled answers retried — and reads
/// are lookups in its in-memory index, no request per item.
/// </summary>
/// <param name="mirror">The mirror.</param>
/// <param name="options">How old the mirror may be for reads.</param>
public sealed class XorosoftStock(XorosoftMirror mirror, IOptions<XorosoftOptions> options) : IXorosoftStock
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken)
    {
        // What the mirror held before, to tell which stock the refresh moved; for a mirror never synced, every item is new.
        var before = await mirror.GetStateAsync(cancellationToken) is null
            ? []
            : (await mirror.GetIndexAsync(TimeSpan.MaxValue, cancellationToken)).Items.ToDictionary(item => Sku.Normalize(item.ItemNumber), item => item.Stock, StringComparer.Ordinal);
        await mirror.SyncAsync(cancellationToken);
        var after = await mirror.GetIndexAsync(TimeSpan.MaxValue, cancellationToken);
        return [.. after.Items
            .Where(item => item.Stock is not null && (!before.TryGetValue(Sku.Normalize(item.ItemNumber), out var stock) || stock != item.Stock))
            .Select(item => Sku.Normalize(item.ItemNumber))
            .Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> StockOfAsync(IReadOnlyCollection<Sku> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var index = await mirror.GetIndexAsync(options.Value.MirrorMaxAge, cancellationToken);
        var stock = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            if (index.ByItemNumber(sku.Normalized)?.Stock is { } quantity)
            {
                stock[sku.Normalized] = quantity;
            }
        }

        return stock;
    }
}
