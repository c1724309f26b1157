namespace CowansSync.Orchestrations.Workflows;

/// <summary>The outcome of <see cref="FanIn.CompleteBatchAsync"/>.</summary>
/// <param name="Run">The run after the fan-in.</param>
/// <param name="AdvancedPhase">Whether this call moved the run to the next phase (true for exactly one call per run).</param>
public sealed record FanInResult(WorkflowRun Run, bool AdvancedPhase);
