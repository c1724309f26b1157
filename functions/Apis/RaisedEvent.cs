namespace CowansSync.Functions.Apis;

/// <summary>The answer to raising an event.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Name">The event.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Duplicate">Whether an event with this name and id had been raised already (this one was ignored).</param>
public sealed record RaisedEvent(string RunId, string Name, string EventId, bool Duplicate);
