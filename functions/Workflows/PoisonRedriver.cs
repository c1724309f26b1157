using System.Text.Json;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Moves a run's messages from <c>sync-work-poison</c> back to <c>sync-work</c> and puts a failed run back to running,
/// once whatever made its steps fail is fixed.
/// </summary>
/// <remarks>
/// Each message is sent to the work queue before it is deleted from the poison queue, so a crash in between re-drives
/// it twice, which the steps tolerate. Other runs' messages are received and left to reappear.
/// </remarks>
public sealed class PoisonRedriver(StorageClients storage, IRunStore runs, TimeProvider timeProvider)
{
    private static readonly string PoisonQueueName = StorageClients.PoisonQueueName(QueueStepScheduler.QueueName);
    private static readonly TimeSpan ScanVisibility = TimeSpan.FromSeconds(30);

    /// <summary>Re-drives the run's poison messages.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the re-drive.</param>
    /// <returns>How many messages were re-driven.</returns>
    public async Task<int> RedriveAsync(string runId, CancellationToken cancellationToken)
    {
        var poison = await storage.GetQueueAsync(PoisonQueueName, cancellationToken);
        var work = await storage.GetQueueAsync(QueueStepScheduler.QueueName, cancellationToken);
        var redriven = 0;
        while (true)
        {
            var messages = (await poison.ReceiveMessagesAsync(32, ScanVisibility, cancellationToken)).Value;
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages.Where(m => RunIdOf(m.MessageText) == runId))
            {
                await work.SendMessageAsync(message.MessageText, timeToLive: QueueStepScheduler.NeverExpires, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                redriven++;
            }
        }

        if (redriven > 0)
        {
            var now = timeProvider.GetUtcNow();
            await runs.UpdateAsync(runId, r => r.Status != RunStatus.Failed ? null : r with
            {
                Status = RunStatus.Running,
                CompletedAt = null,
                UpdatedAt = now,
            }, cancellationToken);
        }

        return redriven;
    }

    private static string? RunIdOf(string messageText)
    {
        try
        {
            using var document = JsonDocument.Parse(messageText);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("run_id", out var id)
                && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
