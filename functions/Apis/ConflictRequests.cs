using System.Text.Json;

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/shopify/sync/conflicts/{conflict_id}/resolve</c>.</summary>
/// <param name="Resolution"><c>use_local</c>, <c>use_shopify</c> or <c>custom</c>.</param>
/// <param name="CustomValue">With <c>custom</c>: the value, of the field's type (a number for <c>price</c>).</param>
/// <param name="ApplyToSimilar">Whether open conflicts on the same field with the same two values are settled the same way.</param>
/// <param name="Notes">Why, for the review and the audit; optional.</param>
public sealed record ResolveConflictRequest(string? Resolution, JsonElement? CustomValue, bool? ApplyToSimilar, string? Notes);

/// <summary>The open conflicts, one page.</summary>
/// <param name="Conflicts">The page's conflicts.</param>
/// <param name="TotalConflicts">How many match the filters.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PerPage">The page size.</param>
public sealed record ConflictList(IReadOnlyList<ConflictItem> Conflicts, int TotalConflicts, int Page, int PerPage);

/// <summary>What a resolve settled.</summary>
/// <param name="Resolved">How many conflicts.</param>
/// <param name="Changes">Each change it moved, with its status after (<c>approved</c> changes go out with the next push).</param>
public sealed record ConflictsResolved(int Resolved, IReadOnlyList<ResolvedChange> Changes);

/// <summary>A change a resolve moved.</summary>
/// <param name="ChangeId">The change.</param>
/// <param name="Status">Its status after.</param>
/// <param name="OpenConflicts">How many of its conflicts are left.</param>
public sealed record ResolvedChange(string ChangeId, string Status, int OpenConflicts);
