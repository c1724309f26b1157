namespace CowansSync.Functions.Apis;

/// <summary>The answer to a re-drive.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Redriven">How many poison messages went back to the work queue.</param>
public sealed record RedriveResult(string RunId, int Redriven);
