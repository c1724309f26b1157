using System.Diagnostics.Metrics;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// The app's own metrics, meter <c>CowansSync</c>: what the portal charts beside the host's (under the Functions host
/// the worker exports them to Application Insights as custom metrics). Counters, so rates (rows/s, points/s) are the
/// chart's. At-least-once: an activity that runs twice counts twice, so they measure work done, not catalog truth.
/// </summary>
public static class SyncMeter
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string Name = "CowansSync";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("cowanssync.import.rows", "{row}", "Catalog rows staged, by outcome (an import counter such as updated_products or auto_approved).");
    private static readonly Counter<long> ShopifyRequests = Meter.CreateCounter<long>("cowanssync.shopify.requests", "{request}", "Shopify GraphQL requests, retries included.");
    private static readonly Counter<long> ShopifyThrottled = Meter.CreateCounter<long>("cowanssync.shopify.throttled", "{request}", "Shopify answers THROTTLED or 429.");
    private static readonly Counter<long> ShopifyCost = Meter.CreateCounter<long>("cowanssync.shopify.cost_points", "{point}", "Query cost points Shopify charged.");

    /// <summary>Counts a staged batch's rows by outcome.</summary>
    /// <param name="counters">The batch's import counters.</param>
    public static void RecordImportBatch(IReadOnlyDictionary<string, long> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        foreach (var (outcome, rows) in counters)
        {
            if (rows > 0)
            {
                ImportRows.Add(rows, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    /// <summary>Counts a Shopify request.</summary>
    public static void RecordShopifyRequest() => ShopifyRequests.Add(1);

    /// <summary>Counts a throttled Shopify answer.</summary>
    public static void RecordShopifyThrottled() => ShopifyThrottled.Add(1);

    /// <summary>Counts the cost points Shopify charged for a request.</summary>
    /// <param name="points">The actual cost.</param>
    public static void RecordShopifyCost(long points) => ShopifyCost.Add(points);
}
