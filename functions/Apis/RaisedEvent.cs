namespace CowansSync.Functions.Apis;

/// <summary>The answer to raising an event: the run received it; one whose <c>event_id</c> it already handled, it ignores.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Name">The event.</param>
/// <param name="EventId">The event's id.</param>
public sealed record RaisedEvent(string RunId, string Name, string EventId);
