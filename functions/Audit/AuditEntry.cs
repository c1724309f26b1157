namespace CowansSync.Functions.Audit;

/// <summary>One row of the audit log: who did what to what, and when.</summary>
/// <param name="At">When it was done.</param>
/// <param name="ActorId">The caller's id (an API key id, <c>bootstrap</c>, <c>easyauth:…</c>).</param>
/// <param name="ActorName">The caller's name.</param>
/// <param name="Action">What was done, e.g. <c>staged_change.approved</c>.</param>
/// <param name="Target">What it was done to, e.g. the change id.</param>
/// <param name="Notes">Free text from the caller, if any.</param>
public sealed record AuditEntry(DateTimeOffset At, string ActorId, string ActorName, string Action, string Target, string? Notes);
