namespace CowansSync.Orchestrations.Workflows;

/// <summary>A fanned-out phase: its batches run in <see cref="From"/>; once all are done the run moves to <see cref="To"/>,
/// whose step <see cref="NextOf"/> starts.</summary>
/// <typeparam name="TNext">The message of the step after the fan-in.</typeparam>
/// <param name="From">The phase the batches run in.</param>
/// <param name="To">The phase once every batch is done.</param>
/// <param name="ProgressOf">Maps the recomputed counters to the run's progress.</param>
/// <param name="NextOf">The next step's message for a run id.</param>
public sealed record FanOutPhase<TNext>(
    string From, string To, Func<IReadOnlyDictionary<string, long>, RunProgress, RunProgress> ProgressOf, Func<string, TNext> NextOf)
    where TNext : IWorkflowMessage;
