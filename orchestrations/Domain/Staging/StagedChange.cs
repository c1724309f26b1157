using System.Text.Json;
using System.Text.Json.Serialization;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>
/// A proposed change to one product, held for approval before it is applied, and kept afterwards so it
/// can be audited and rolled back. Immutable: every lifecycle move returns a new record, and only the
/// moves <see cref="ChangeLifecycle"/> allows succeed.
/// </summary>
public sealed record StagedChange
{
    /// <summary>The deterministic id (<see cref="StagedChangeId"/>).</summary>
    public required string ChangeId { get; init; }

    /// <summary>The run that staged the change (the API's <c>batch_id</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>The product.</summary>
    public required Sku Sku { get; init; }

    /// <summary>Create, update or delete.</summary>
    public required ChangeType ChangeType { get; init; }

    /// <summary>The flow that proposed it.</summary>
    [JsonPropertyName("sync_direction")]
    public required ChangeDirection Direction { get; init; }

    /// <summary>The lifecycle state.</summary>
    public ChangeStatus Status { get; init; } = ChangeStatus.Pending;

    /// <summary>The before-image; <see langword="null"/> for a create.</summary>
    public Product? CurrentData { get; init; }

    /// <summary>The after-image; <see langword="null"/> for a delete.</summary>
    public Product? ProposedData { get; init; }

    /// <summary>The fields that change.</summary>
    public IReadOnlyList<FieldChange> FieldChanges { get; init; } = [];

    /// <summary>Fields changed on both sides since the last sync.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>Whether any field is in conflict.</summary>
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>Review and apply order, stored as its number like the seeds' <c>priority</c> column.</summary>
    [JsonConverter(typeof(JsonNumberEnumConverter<ChangePriority>))]
    public ChangePriority Priority { get; init; } = ChangePriority.Normal;

    /// <summary>How sure the match to the current product is, for import changes.</summary>
    public decimal? MatchConfidence { get; init; }

    /// <summary>The signal that matched, for import changes.</summary>
    public ProductMatchType? MatchType { get; init; }

    /// <summary>The approval rules' verdict, once evaluated.</summary>
    public ApprovalVerdict? Verdict { get; init; }

    /// <summary>A person's decision, if one was made.</summary>
    public ReviewInfo? Review { get; init; }

    /// <summary>When the change was staged.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset? AppliedAt { get; init; }

    /// <summary>How many apply attempts failed.</summary>
    public int RetryCount { get; init; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>For a rollback, the applied change it undoes.</summary>
    public string? RollsBack { get; init; }

    /// <summary>Stages a diff as a pending change of <paramref name="runId"/>.</summary>
    /// <param name="runId">The staging run.</param>
    /// <param name="diff">The difference to apply.</param>
    /// <param name="createdAt">Now, from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The pending change, with its deterministic id.</returns>
    public static StagedChange Stage(string runId, ProductDiff diff, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new StagedChange
        {
            ChangeId = StagedChangeId.For(runId, diff.Sku, diff.Direction),
            RunId = runId,
            Sku = diff.Sku,
            ChangeType = diff.ChangeType,
            Direction = diff.Direction,
            CurrentData = diff.Current,
            ProposedData = diff.Proposed,
            FieldChanges = diff.FieldChanges,
            CreatedAt = createdAt,
        };
    }

    /// <summary>Records the rules' verdict; an auto-approval approves the change.</summary>
    /// <param name="verdict">The verdict of <see cref="ApprovalRuleEngine"/>.</param>
    /// <returns>The change, approved or still pending; refused unless pending.</returns>
    public StagedChangeTransition Decide(ApprovalVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.AutoApproved
            ? MoveTo(ChangeStatus.Approved, c => c with { Verdict = verdict })
            : MoveTo(ChangeStatus.Pending, ChangeStatus.Approved, c => c with { Verdict = verdict });
    }

    /// <summary>A person approves the change.</summary>
    /// <param name="review">Who, when, notes.</param>
    /// <returns>The approved change; refused unless pending.</returns>
    public StagedChangeTransition Approve(ReviewInfo review) => MoveTo(ChangeStatus.Approved, c => c with { Review = review });

    /// <summary>A person rejects the change.</summary>
    /// <param name="review">Who, when, and the reason as notes.</param>
    /// <returns>The rejected change; refused unless pending.</returns>
    public StagedChangeTransition Reject(ReviewInfo review) => MoveTo(ChangeStatus.Rejected, c => c with { Review = review });

    /// <summary>A person takes a rejection, or an approval not yet pushed, back: the change waits for review again.</summary>
    /// <param name="review">Who, when, and why, as notes.</param>
    /// <returns>The pending change; refused unless rejected or approved (a push that started applying it wins).</returns>
    public StagedChangeTransition Reopen(ReviewInfo review) => MoveTo(ChangeStatus.Pending, c => c with { Review = review });

    /// <summary>An apply attempt starts.</summary>
    /// <returns>The applying change; refused unless approved or failed.</returns>
    public StagedChangeTransition StartApplying() => MoveTo(ChangeStatus.Applying, c => c);

    /// <summary>The apply attempt succeeded.</summary>
    /// <param name="appliedAt">When.</param>
    /// <param name="written">The product as the target now holds it (a create's new Shopify ids, for a later rollback);
    /// the proposed product is kept when <see langword="null"/>.</param>
    /// <returns>The applied change; refused unless applying.</returns>
    public StagedChangeTransition MarkApplied(DateTimeOffset appliedAt, Product? written = null)
        => MoveTo(ChangeStatus.Applied, c => c with { AppliedAt = appliedAt, LastError = null, ProposedData = written ?? c.ProposedData });

    /// <summary>The apply attempt failed.</summary>
    /// <param name="error">What the target answered.</param>
    /// <returns>The failed change with its retry count raised; refused unless applying.</returns>
    public StagedChangeTransition MarkFailed(string error)
        => MoveTo(ChangeStatus.Failed, c => c with { LastError = error, RetryCount = c.RetryCount + 1 });

    /// <summary>
    /// The store moved since staging, so the change was not pushed: it fails with the conflicts, and is not retried
    /// because the same write would meet the same conflict; a person decides what happens next.
    /// </summary>
    /// <param name="conflicts">The fields that moved in the store.</param>
    /// <param name="error">What moved, in words.</param>
    /// <returns>The failed change; refused unless applying.</returns>
    public StagedChangeTransition MarkConflicted(IReadOnlyList<FieldConflict> conflicts, string error)
        => MoveTo(ChangeStatus.Failed, c => c with { Conflicts = conflicts, LastError = error, RetryCount = c.RetryCount + 1 });

    /// <summary>
    /// A pull found Shopify moved fields this change proposes, to other values: the change keeps its status and carries
    /// the conflicts (replacing any an earlier pull found), so reviewers see them before the push would refuse it.
    /// </summary>
    /// <param name="conflicts">The fields in conflict.</param>
    /// <returns>The change with its conflicts; refused unless pending or approved.</returns>
    public StagedChangeTransition FlagConflicts(IReadOnlyList<FieldConflict> conflicts)
        => Status is ChangeStatus.Pending or ChangeStatus.Approved
            ? new StagedChangeTransition(this with { Conflicts = conflicts }, null)
            : new StagedChangeTransition(null, $"Only pending or approved changes can take a pull's conflicts; this change is {WireName.Of(Status)}.");

    /// <summary>
    /// Settles the conflict on <paramref name="field"/> with <paramref name="value"/>: the change is rebased on the
    /// store's value (its before-image takes it) and proposes <paramref name="value"/>, or, when that is the store's
    /// value, no longer changes the field. A change left with no field to change is rejected. A change left without
    /// conflicts is approved, to be pushed like any other, when it had failed (it was approved before its push met the
    /// conflict) or when a person's resolution changes the store; otherwise its status stays, so the conflict rules
    /// never approve what the approval rules hold for a person.
    /// </summary>
    /// <param name="field">The conflicting field's API name.</param>
    /// <param name="value">The winning value (<see cref="ConflictResolution.ValueFor"/>).</param>
    /// <param name="review">Who settled it (a person, or the conflict rules), when, and why.</param>
    /// <param name="byPerson">Whether a person (an approver) settled it, rather than the conflict rules.</param>
    /// <returns>The settled change; refused without such a conflict, for a create or delete, or once the change is applying or done.</returns>
    /// <exception cref="JsonException">The value is not of the field's type.</exception>
    public StagedChangeTransition Resolve(string field, JsonElement value, ReviewInfo review, bool byPerson)
    {
        ArgumentNullException.ThrowIfNull(review);
        var conflict = Conflicts.FirstOrDefault(c => c.Field == field);
        if (conflict is null || Status is not (ChangeStatus.Pending or ChangeStatus.Approved or ChangeStatus.Failed))
        {
            return new StagedChangeTransition(null, conflict is null
                ? $"This change has no open conflict on {field}."
                : $"Only pending, approved or failed changes can have a conflict settled; this change is {WireName.Of(Status)}.");
        }

        if (CurrentData is not { } current || ProposedData is not { } proposed)
        {
            return new StagedChangeTransition(null, "A create or delete whose product changed in the store cannot be settled field by field: reject it, and the next import stages it again against the store.");
        }

        var productField = ProductFields.All.First(f => f.Name == field);
        var rebased = productField.WithValue(current, conflict.ShopifyValue);
        var settled = productField.WithValue(proposed, value);
        var changesStore = !productField.HasSameValue(rebased, settled);
        var fieldChanges = FieldChanges.Where(c => c.Field != field).ToList();
        if (changesStore)
        {
            fieldChanges.Add(FieldChange.Of(productField, rebased, settled));
        }

        var remaining = Conflicts.Where(c => c.Field != field).ToList();
        var status = fieldChanges.Count == 0 ? ChangeStatus.Rejected
            : remaining.Count == 0 && (Status == ChangeStatus.Failed || (byPerson && changesStore)) ? ChangeStatus.Approved
            : Status;
        return new StagedChangeTransition(
            this with
            {
                Status = status,
                CurrentData = rebased,
                ProposedData = settled,
                FieldChanges = [.. fieldChanges.OrderBy(c => FieldOrder(c.Field))],
                Conflicts = remaining,
                Review = review,
                LastError = status == ChangeStatus.Approved ? null : LastError,
            },
            null);
    }

    /// <summary>A rollback change undoing this one was applied.</summary>
    /// <returns>The rolled-back change; refused unless applied.</returns>
    public StagedChangeTransition MarkRolledBack() => MoveTo(ChangeStatus.RolledBack, c => c);

    /// <summary>Whether a failed change may be attempted again.</summary>
    /// <param name="maxAttempts">The most apply attempts allowed in total.</param>
    /// <returns><see langword="true"/> when failed, without conflicts, with fewer than <paramref name="maxAttempts"/> failures.</returns>
    public bool CanRetry(int maxAttempts) => Status == ChangeStatus.Failed && RetryCount < maxAttempts && !HasConflicts;

    private static int FieldOrder(string field) => ProductFields.All.Select(f => f.Name).ToList().IndexOf(field);

    private StagedChangeTransition MoveTo(ChangeStatus to, Func<StagedChange, StagedChange> update)
        => MoveTo(to, to, update);

    // "checkAs" lets a verdict that keeps the change pending be refused exactly like an approval would.
    private StagedChangeTransition MoveTo(ChangeStatus to, ChangeStatus checkAs, Func<StagedChange, StagedChange> update)
        => ChangeLifecycle.RefusalOf(Status, checkAs) is { } refusal
            ? new StagedChangeTransition(null, refusal)
            : new StagedChangeTransition(update(this) with { Status = to }, null);
}
