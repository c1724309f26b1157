using CowansSync.Functions.Hosting;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Workflows;

/// <summary>The activity every orchestration polling a Shopify bulk operation shares (<see cref="BulkOperationWatch"/>).</summary>
public sealed class BulkOperationFunctions(WatchBulkOperation watchBulkOperation)
{
    /// <summary>Records that the calling orchestration waits for the bulk operation.</summary>
    /// <param name="input">The operation's GID.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns><see langword="true"/> once recorded.</returns>
    [Function(nameof(WatchBulkOperation))]
    public Task<bool> RunWatchBulkOperation([ActivityTrigger] string input, string instanceId) =>
        watchBulkOperation.RunAsync(new FunctionActivityContext(nameof(WatchBulkOperation), instanceId), input);
}
