namespace CowansSync.Orchestrations.Push;

/// <summary>One batch of a push run; its change ids are in the payload store (<see cref="PushPayloads.BatchPath"/>).</summary>
/// <param name="RunId">The push run.</param>
/// <param name="BatchIndex">The batch, from 0.</param>
/// <param name="Actor">Who pushes it; versions name them.</param>
public sealed record PushBatchInput(string RunId, int BatchIndex, string Actor);
