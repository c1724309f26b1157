using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>
/// A timer and a queue function that record what they receive, for the hosting tests: the timer runs on
/// <c>Test__TimerSchedule</c>, the queue function polls <c>Test__Queue</c>. A message's <c>behaviour</c> says what
/// the queue function does: <c>record</c> (the default), <c>fail</c> (throws) or <c>slow</c> (works a second,
/// honouring cancellation, then records completion).
/// </summary>
/// <param name="recorder">Where the invocations go.</param>
public sealed class RecordingFunctions(InvocationRecorder recorder)
{
    /// <summary>The timer function's name.</summary>
    public const string TimerName = "RecordTimer";

    /// <summary>The queue function's name.</summary>
    public const string QueueName = "RecordQueue";

    /// <summary>Records the timer's occurrence.</summary>
    [Function(TimerName)]
    public void RecordTimer([TimerTrigger("%Test__TimerSchedule%")] TimerInfo timer) => recorder.Record(timer);

    /// <summary>Records the delivery, then does as the message says.</summary>
    [Function(QueueName)]
    public async Task RecordQueue([QueueTrigger("%Test__Queue%", Connection = "SyncStorage")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        recorder.Record(message);
        var behaviour = JsonDocument.Parse(message.Body).RootElement.TryGetProperty("behaviour", out var value) ? value.GetString() : "record";
        switch (behaviour)
        {
            case "fail":
                throw new InvalidOperationException("This message always fails.");
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                recorder.Record($"completed {message.MessageId}");
                break;
        }
    }

}
