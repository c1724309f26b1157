namespace CowansSync.Orchestrations.Workflows;

/// <summary>Counters any workflow that calls a rate-limited API keeps, under these names, so its batch can show them.</summary>
public static class RunCounters
{
    /// <summary>Requests made to the external API (e.g. Shopify GraphQL calls).</summary>
    public const string ApiCalls = "api_calls";

    /// <summary>Quota those requests used (e.g. Shopify's query cost points).</summary>
    public const string ApiCost = "api_cost";
}
