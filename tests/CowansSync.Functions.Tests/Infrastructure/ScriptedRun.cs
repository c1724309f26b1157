using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>What a <see cref="ScriptedRunFunctions"/> orchestration shows and how it ends.</summary>
/// <param name="State">The custom status it sets at once (kind, phase, progress, counters, …).</param>
/// <param name="Outcome">How it ends: completes, fails, or waits for the event <see cref="ScriptedRunFunctions.FinishEvent"/>.</param>
/// <param name="Error">The failure's message, for <see cref="ScriptedOutcome.Fail"/>.</param>
/// <param name="Input">Anything else the API reads from a run's input (e.g. <c>batch_name</c>).</param>
public sealed record ScriptedRun(RunState State, ScriptedOutcome Outcome = ScriptedOutcome.Complete, string? Error = null, IReadOnlyDictionary<string, string>? Input = null);

/// <summary>How a scripted run ends.</summary>
public enum ScriptedOutcome
{
    /// <summary>It completes with its state.</summary>
    Complete,

    /// <summary>It fails with its error.</summary>
    Fail,

    /// <summary>It waits for the finish event (or to be terminated).</summary>
    Wait,

    /// <summary>It starts a push (<c>&lt;its id&gt;-child</c>) that waits, and waits for it, as an import waits on its push.</summary>
    WaitOnChild,
}
