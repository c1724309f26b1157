using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>
/// Out-of-stock alerts: one open alert per product from the sync that finds its Xorosoft stock at or below the
/// threshold until one finds it above again, so people are told once per drop, not on every sync while it stays out.
/// </summary>
public interface IStockAlerts
{
    /// <summary>The products with an open alert.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Their normalized SKUs.</returns>
    Task<IReadOnlySet<string>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens alerts; opening one again replaces it with the same.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when they are recorded.</returns>
    Task OpenAsync(IReadOnlyList<StockAlert> alerts, CancellationToken cancellationToken);

    /// <summary>Resolves the open alerts of products back in stock; resolving one again changes nothing.</summary>
    /// <param name="skus">The products.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when they are resolved.</returns>
    Task ResolveAsync(IReadOnlyList<Sku> skus, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A product out of stock in Xorosoft.</summary>
/// <param name="Sku">The product.</param>
/// <param name="Quantity">Its stock.</param>
/// <param name="Threshold">The out-of-stock threshold it is at or below.</param>
/// <param name="RunId">The sync that found it.</param>
/// <param name="At">When.</param>
public sealed record StockAlert(Sku Sku, int Quantity, int Threshold, string RunId, DateTimeOffset At);
