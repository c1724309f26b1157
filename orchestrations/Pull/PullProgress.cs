using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>A pull run's <see cref="RunState"/> as it goes, published as the orchestration's custom status.</summary>
/// <remarks>Deterministic: it changes only when the orchestrator tells it, with the orchestration's own clock.</remarks>
internal sealed class PullProgress(TaskOrchestrationContext context, PullRequest input)
{
    private RunState _state = new(RunKinds.ShopifyPull, PullPhases.Pull, RunStatus.Running, RunProgress.None, PullCounters.None(), input.CreatedBy, context.CurrentUtcDateTime);

    /// <summary>The counters so far.</summary>
    public IReadOnlyDictionary<string, long> Counters => _state.Counters;

    /// <summary>Publishes the state in <paramref name="phase"/>.</summary>
    public void Publish(string phase, RunStatus status = RunStatus.Running)
    {
        _state = _state with { Phase = phase, Status = status, EstimatedCompletion = status == RunStatus.Running ? _state.EstimatedCompletion : null };
        context.SetCustomStatus(_state);
    }

    /// <summary>Sets how many products the run will read, once known.</summary>
    public void Expect(long total) => _state = _state with { Progress = _state.Progress with { Total = total } };

    /// <summary>Adds a step's counters and the products it read, and publishes.</summary>
    public void Add(IReadOnlyDictionary<string, long> counters, long products)
    {
        var progress = _state.Progress with
        {
            Total = Math.Max(_state.Progress.Total, _state.Progress.Processed + products),
            Processed = _state.Progress.Processed + products,
            Succeeded = _state.Progress.Succeeded + products,
        };
        _state = _state.WithProgress(progress, context.CurrentUtcDateTime) with { Counters = Waves.Add(_state.Counters, counters) };
        context.SetCustomStatus(_state);
    }
}
