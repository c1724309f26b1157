namespace CowansSync.Orchestrations.Push;

/// <summary>What a push run pushes: the approved changes of a staging run, or the listed changes.</summary>
/// <param name="SourceRunId">The staging run (the API's <c>batch_id</c>) whose approved changes are pushed.</param>
/// <param name="ChangeIds">The changes to push, when no source run is given.</param>
/// <param name="BatchName">A name for people, if given.</param>
public sealed record PushSettings(string? SourceRunId, IReadOnlyList<string>? ChangeIds, string? BatchName);
