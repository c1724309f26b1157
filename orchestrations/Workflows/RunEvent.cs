namespace CowansSync.Orchestrations.Workflows;

/// <summary>An external event raised on a run (e.g. <c>approval</c>); kept whether or not the run waits for it yet.</summary>
/// <param name="Name">The event name.</param>
/// <param name="EventId">Identifies the event: a second event with the same name and id is a duplicate and ignored.</param>
/// <param name="Payload">The event's JSON body.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="RaisedAt">When.</param>
public sealed record RunEvent(string Name, string EventId, string Payload, string RaisedBy, DateTimeOffset RaisedAt);
