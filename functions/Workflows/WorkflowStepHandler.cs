using System.Text.Json;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Work;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Runs a workflow step for its <c>sync-work</c> message. When the step fails on the message's last delivery (the
/// next stop is the poison queue), the run is marked failed with the error, so the failure shows on the run and the
/// run can be re-driven.
/// </summary>
/// <typeparam name="TStep">The step.</typeparam>
/// <typeparam name="TMessage">Its message.</typeparam>
public sealed partial class WorkflowStepHandler<TStep, TMessage>(
    TStep step, IRunStore runs, IOptions<QueueTriggerOptions> queueOptions, TimeProvider timeProvider, ILogger<TStep> logger) : IWorkMessageHandler
    where TStep : IWorkflowStep<TMessage>
    where TMessage : IWorkflowMessage
{
    /// <inheritdoc />
    public async Task HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var typed = message.Body.Deserialize<TMessage>(WorkflowMessageJson.Options)
            ?? throw new InvalidDataException($"The {message.Type} message {message.MessageId} is empty.");
        try
        {
            await step.RunAsync(typed, new StepContext(message.MessageId, message.DequeueCount), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException && message.DequeueCount >= queueOptions.Value.MaxDequeueCount)
        {
            LogGivingUp(error, typeof(TStep).Name, typed.RunId, message.DequeueCount);
            var now = timeProvider.GetUtcNow();
            var reason = $"{typeof(TStep).Name} failed {message.DequeueCount} times ({error.GetType().Name}: {error.Message}); its message is in the poison queue.";
            await runs.UpdateAsync(typed.RunId, r => r.Status.IsFinished() ? null : r with
            {
                Status = RunStatus.Failed, LastError = reason, UpdatedAt = now, CompletedAt = now,
            }, CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(1, LogLevel.Error, "{Step} of run {RunId} failed on delivery {DequeueCount}, the last; the run is marked failed")]
    private partial void LogGivingUp(Exception error, string step, string runId, long dequeueCount);
}

/// <summary>How step messages are read: snake_case, and the envelope's <c>type</c> is not a message property.</summary>
internal static class WorkflowMessageJson
{
    public static JsonSerializerOptions Options { get; } = new(DomainJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };
}
