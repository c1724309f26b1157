using System.Globalization;

namespace CowansSync.Orchestrations.Push;

/// <summary>What pushing (part of) a batch came to: counters by outcome and the errors worth listing.</summary>
/// <param name="Counters">Applied, failed, conflicts and skipped (<see cref="PushCounters"/>).</param>
/// <param name="Errors">One line per failed or conflicting change, at most <see cref="MaxListedErrors"/>.</param>
public sealed record PushBatchResult(IReadOnlyDictionary<string, long> Counters, IReadOnlyList<string> Errors)
{
    /// <summary>How many errors one batch lists (its counters always hold the totals).</summary>
    public const int MaxListedErrors = 20;

    /// <summary>Nothing pushed.</summary>
    public static PushBatchResult None { get; } = new(new Dictionary<string, long>(StringComparer.Ordinal), []);

    /// <summary>The result of a tally.</summary>
    /// <param name="tally">The outcomes and errors collected.</param>
    /// <returns>The counters and the first errors.</returns>
    public static PushBatchResult Of(PushTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var outcomes = tally.Outcomes.Values.ToList();
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [PushCounters.Applied] = outcomes.Count(o => o == PushOutcome.Applied),
            [PushCounters.Failed] = outcomes.Count(o => o == PushOutcome.Failed),
            [PushCounters.Conflicts] = outcomes.Count(o => o == PushOutcome.Conflict),
            [PushCounters.Skipped] = outcomes.Count(o => o == PushOutcome.Skipped),
        };
        return new PushBatchResult(counters, [.. tally.Errors.Order(StringComparer.Ordinal).Take(MaxListedErrors)]);
    }

    /// <summary>A batch that could not be pushed at all: every change of it counted failed.</summary>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="changes">How many changes it holds.</param>
    /// <param name="error">Why, for people.</param>
    /// <returns>The result.</returns>
    public static PushBatchResult Failed(int batchIndex, int changes, string error) => new(
        new Dictionary<string, long>(StringComparer.Ordinal) { [PushCounters.Failed] = changes },
        [string.Create(CultureInfo.InvariantCulture, $"batch {batchIndex} ({changes} changes) failed: {error}")]);

    /// <summary>This result and another, added.</summary>
    /// <param name="other">The other part of the batch.</param>
    /// <returns>The sum.</returns>
    public PushBatchResult Plus(PushBatchResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PushBatchResult(Workflows.Waves.Add(Counters, other.Counters), [.. Errors.Concat(other.Errors).Take(MaxListedErrors)]);
    }

    /// <summary>This result with one more error listed.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public PushBatchResult WithError(string error) => this with { Errors = [.. Errors.Append(error).Take(MaxListedErrors)] };
}
