namespace CowansSync.Functions.Apis;

/// <summary>
/// The body of <c>POST /api/sync/staged/bulk-approve</c> and <c>/bulk-reject</c>: either <c>change_ids</c> (1–1000), or
/// <c>batch_id</c> with an optional <c>filter</c> selecting that run's pending changes — a decision over a batch is
/// made only with <c>confirm: true</c>; without it nothing changes and the answer says how many it would decide.
/// </summary>
/// <param name="ChangeIds">The changes to decide.</param>
/// <param name="BatchId">The run whose pending changes to decide.</param>
/// <param name="Filter">Narrows a <c>batch_id</c> selection.</param>
/// <param name="Notes">Approval notes (bulk-approve), at most 2000 characters.</param>
/// <param name="Reason">The rejection reason (bulk-reject, required), at most 2000 characters.</param>
/// <param name="Confirm">Must be <see langword="true"/> for a <c>batch_id</c> decision; not needed with <c>change_ids</c>.</param>
public sealed record BulkDecisionRequest(IReadOnlyList<string?>? ChangeIds, string? BatchId, BulkDecisionFilter? Filter, string? Notes, string? Reason, bool? Confirm = null);
