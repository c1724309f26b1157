namespace CowansSync.Functions.Apis;

/// <summary>The answer to a re-drive: the failed run starts again from its input, under its id.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Its status now (<c>pending</c> until the host picks it up).</param>
/// <param name="StatusUrl">Where to follow it.</param>
public sealed record RedriveResult(string RunId, string Status, string StatusUrl);
