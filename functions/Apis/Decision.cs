using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>A reviewer's decision on staged changes: approve, reject or reopen, with the words and audit action of each.</summary>
/// <param name="Verb">"approve", "reject" or "reopen".</param>
/// <param name="Past">"approved", "rejected" or "reopened".</param>
/// <param name="NoteField">The body field holding the note.</param>
/// <param name="NoteRequired">Whether the note must be given.</param>
/// <param name="AuditAction">The audit entry's action.</param>
/// <param name="Move">The domain move.</param>
internal sealed record Decision(string Verb, string Past, string NoteField, bool NoteRequired, string AuditAction, Func<StagedChange, ReviewInfo, StagedChangeTransition> Move)
{
    public static Decision Approve { get; } = new("approve", "approved", "notes", false, "staged_change.approved", (change, review) => change.Approve(review));

    public static Decision Reject { get; } = new("reject", "rejected", "reason", true, "staged_change.rejected", (change, review) => change.Reject(review));

    public static Decision Reopen { get; } = new("reopen", "reopened", "notes", false, "staged_change.reopened", (change, review) => change.Reopen(review));
}
