using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// An orchestration's waits between checks of its Shopify bulk operations: each wait lasts the poll interval, or less
/// when Shopify's <c>bulk_operations/finish</c> webhook raises <see cref="FinishedEvent"/> — so the check follows the
/// finish at once, and polling remains for a webhook that never comes.
/// </summary>
/// <remarks>
/// One per orchestration run, shared by all its operations: it keeps a single event waiter open until an event
/// completes it, because every waiter left open — or cancelled — would take an event meant for a later wait. Any
/// operation's event ends the current wait; an early check costs one activity call.
/// </remarks>
/// <param name="context">The orchestration.</param>
public sealed class BulkOperationWatch(TaskOrchestrationContext context)
{
    /// <summary>The external event the webhook raises; its payload is the operation's GID.</summary>
    public const string FinishedEvent = "BulkOperationFinished";

    private Task<string>? _finished;

    /// <summary>Tells the webhook that this orchestration waits for the operation.</summary>
    /// <param name="operationId">The operation's GID.</param>
    /// <param name="options">The activity's retries.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    public Task WatchAsync(string operationId, TaskOptions options)
        => context.CallActivityAsync<bool>(nameof(WatchBulkOperation), operationId, options);

    /// <summary>Waits <paramref name="interval"/>, or until an operation's finish is announced.</summary>
    /// <param name="interval">The poll interval.</param>
    /// <returns>A task that completes when the next check is due.</returns>
    public async Task WaitAsync(TimeSpan interval)
    {
        if (_finished is null || _finished.IsCompleted)
        {
            _finished = context.WaitForExternalEvent<string>(FinishedEvent);
        }

        using var timeout = new CancellationTokenSource();
        var timer = context.CreateTimer(interval, timeout.Token);
        if (await Task.WhenAny(_finished, timer) == _finished)
        {
            timeout.Cancel();
        }
    }
}
