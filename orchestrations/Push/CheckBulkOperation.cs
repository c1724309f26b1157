using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>Asks Shopify once where a bulk operation is; the orchestration waits between asks on a durable timer.</summary>
/// <remarks>Idempotent: it only reads.</remarks>
public sealed class CheckBulkOperation(IShopifyPush shopify) : TaskActivity<string, ShopifyBulkCheck>
{
    /// <inheritdoc />
    public override Task<ShopifyBulkCheck> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        return shopify.CheckBulkOperationAsync(input, CancellationToken.None);
    }
}
