namespace CowansSync.Orchestrations.Workflows;

/// <summary>What a step knows of the delivery it runs in.</summary>
/// <param name="MessageId">The queue message, stable across redeliveries.</param>
/// <param name="DequeueCount">Which delivery this is (1 = first); more than 1 means an earlier attempt may have done part of the work.</param>
public sealed record StepContext(string MessageId, long DequeueCount)
{
    /// <summary>Whether an earlier delivery of the same message ran (and may have stopped half-way).</summary>
    public bool IsRedelivery => DequeueCount > 1;
}
