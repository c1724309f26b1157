using CowansSync.Functions.Hosting;

namespace CowansSync.Functions.Shopify;

/// <summary>What a <see cref="ShopifyGraphQLClient"/> has spent since it was created, also counted in <see cref="SyncMeter"/>; thread-safe.</summary>
public sealed class ShopifyRequestCounters
{
    private long _requests;
    private long _throttled;
    private long _costSpent;

    /// <summary>GraphQL requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Responses that were <c>THROTTLED</c> (or HTTP 429).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>The sum of the actual query costs Shopify reported.</summary>
    public long CostSpent => Interlocked.Read(ref _costSpent);

    internal void AddRequest()
    {
        Interlocked.Increment(ref _requests);
        SyncMeter.RecordShopifyRequest();
    }

    internal void AddThrottled()
    {
        Interlocked.Increment(ref _throttled);
        SyncMeter.RecordShopifyThrottled();
    }

    internal void AddCost(double actualCost)
    {
        var points = (long)Math.Round(actualCost);
        Interlocked.Add(ref _costSpent, points);
        SyncMeter.RecordShopifyCost(points);
    }
}
