using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class StagedChangeTests
{
    private static readonly ReviewInfo Alice = new("alice", StagedChangeBuilder.StagedAt.AddHours(1), "Looks right");
    private static readonly ReviewInfo Bob = new("bob", StagedChangeBuilder.StagedAt.AddHours(1), "Too steep");

    [Fact]
    public void Stage_Diff_PendingWithDeterministicIdAndImages()
    {
        // Act
        var sut = new StagedChangeBuilder().WithPriceChange(10m, 11m).Build();

        // Assert
        Assert.Equal(ChangeStatus.Pending, sut.Status);
        Assert.Equal(StagedChangeId.For("run-1", sut.Sku, ChangeDirection.XorosoftInventory), sut.ChangeId);
        Assert.Equal(10m, sut.CurrentData?.Price);
        Assert.Equal(11m, sut.ProposedData?.Price);
        Assert.Equal(["price"], sut.FieldChanges.Select(c => c.Field));
    }

    [Fact]
    public void Approve_TwoReviewersOnOnePendingChange_OnlyTheFirstWins()
    {
        // Arrange
        var sut = new StagedChangeBuilder().Build();
        var approved = sut.Approve(Alice);

        // Act
        var second = approved.Change!.Reject(Bob);

        // Assert
        Assert.True(approved.Succeeded);
        Assert.Equal(ChangeStatus.Approved, approved.Change.Status);
        Assert.Equal(Alice, approved.Change.Review);
        Assert.False(second.Succeeded);
        Assert.Equal("Only pending changes can be rejected; this change is approved.", second.Refusal);
    }

    [Fact]
    public void Reject_Pending_RejectedWithReason()
    {
        var result = new StagedChangeBuilder().Build().Reject(Bob);

        Assert.Equal(ChangeStatus.Rejected, result.Change?.Status);
        Assert.Equal("Too steep", result.Change?.Review?.Notes);
    }

    [Fact]
    public void Reopen_Rejected_PendingWithTheReopenersReview()
    {
        var rejected = new StagedChangeBuilder().Build().Reject(Bob).Change!;

        var result = rejected.Reopen(Alice);

        Assert.Equal(ChangeStatus.Pending, result.Change?.Status);
        Assert.Equal(Alice, result.Change?.Review);
    }

    [Fact]
    public void Reopen_Pending_RefusedNamingTheState()
    {
        var result = new StagedChangeBuilder().Build().Reopen(Alice);

        Assert.False(result.Succeeded);
        Assert.Equal("Only rejected changes, or approved ones not yet pushed, can be reopened; this change is pending.", result.Refusal);
    }

    [Fact]
    public void Reopen_ApprovedNotYetPushed_PendingAgain()
    {
        var approved = new StagedChangeBuilder().Build().Approve(Bob).Change!;

        var result = approved.Reopen(Alice);

        Assert.Equal(ChangeStatus.Pending, result.Change?.Status);
        Assert.False(approved.StartApplying().Change!.Reopen(Alice).Succeeded);
    }

    [Fact]
    public void Decide_AutoApproveVerdict_ApprovesAndRecordsRule()
    {
        var verdict = new ApprovalVerdict(true, "r1", "Minor updates", "why");

        var result = new StagedChangeBuilder().Build().Decide(verdict);

        Assert.Equal(ChangeStatus.Approved, result.Change?.Status);
        Assert.Equal(verdict, result.Change?.Verdict);
    }

    [Fact]
    public void Decide_RequiresApprovalVerdict_StaysPendingWithVerdict()
    {
        var result = new StagedChangeBuilder().Build().Decide(ApprovalVerdict.NoRuleMatched);

        Assert.Equal(ChangeStatus.Pending, result.Change?.Status);
        Assert.Equal(ApprovalVerdict.NoRuleMatched, result.Change?.Verdict);
    }

    [Fact]
    public void Decide_AlreadyRejected_Refused()
    {
        var rejected = new StagedChangeBuilder().Build().Reject(Bob).Change!;

        Assert.False(rejected.Decide(ApprovalVerdict.NoRuleMatched).Succeeded);
    }

    [Fact]
    public void StartApplying_Pending_RefusedBecauseOnlyApprovedChangesApply()
    {
        var result = new StagedChangeBuilder().Build().StartApplying();

        Assert.False(result.Succeeded);
        Assert.StartsWith("Only approved", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkFailed_ThenRetry_CountsAttemptsUntilTheLimit()
    {
        // Arrange
        var applying = new StagedChangeBuilder().Build().Approve(Alice).Change!.StartApplying().Change!;

        // Act
        var failedOnce = applying.MarkFailed("THROTTLED").Change!;
        var failedTwice = failedOnce.StartApplying().Change!.MarkFailed("500 Internal Server Error").Change!;

        // Assert
        Assert.Equal(2, failedTwice.RetryCount);
        Assert.Equal("500 Internal Server Error", failedTwice.LastError);
        Assert.True(failedOnce.CanRetry(maxAttempts: 2));
        Assert.False(failedTwice.CanRetry(maxAttempts: 2));
    }

    [Fact]
    public void MarkConflicted_Applying_FailedWithConflictsAndNotRetried()
    {
        // Arrange
        var applying = new StagedChangeBuilder().Build().Approve(Alice).Change!.StartApplying().Change!;
        var conflicts = new StagedChangeBuilder().WithConflict().Build().Conflicts;

        // Act
        var conflicted = applying.MarkConflicted(conflicts, "Shopify changed the title").Change!;

        // Assert
        Assert.Equal(ChangeStatus.Failed, conflicted.Status);
        Assert.True(conflicted.HasConflicts);
        Assert.Equal("Shopify changed the title", conflicted.LastError);
        Assert.False(conflicted.CanRetry(maxAttempts: 3));
    }

    [Fact]
    public void MarkApplied_WithWrittenProduct_KeepsItAsTheAfterImage()
    {
        var applying = new StagedChangeBuilder().Build().Approve(Alice).Change!.StartApplying().Change!;
        var written = applying.ProposedData! with { ShopifyProductId = "gid://shopify/Product/77" };

        var applied = applying.MarkApplied(StagedChangeBuilder.StagedAt.AddHours(2), written).Change!;

        Assert.Equal("gid://shopify/Product/77", applied.ProposedData!.ShopifyProductId);
    }

    [Fact]
    public void MarkRolledBack_Applied_RolledBack_AndNotTwice()
    {
        // Arrange
        var applied = new StagedChangeBuilder().Build().Approve(Alice).Change!
            .StartApplying().Change!.MarkApplied(StagedChangeBuilder.StagedAt.AddHours(2)).Change!;

        // Act
        var rolledBack = applied.MarkRolledBack();

        // Assert
        Assert.Equal(StagedChangeBuilder.StagedAt.AddHours(2), applied.AppliedAt);
        Assert.Equal(ChangeStatus.RolledBack, rolledBack.Change?.Status);
        Assert.False(rolledBack.Change!.MarkRolledBack().Succeeded);
    }

    [Fact]
    public void MarkRolledBack_Approved_Refused()
    {
        Assert.False(new StagedChangeBuilder().Build().Approve(Alice).Change!.MarkRolledBack().Succeeded);
    }

    [Fact]
    public void Serialize_StagedChange_SnakeCaseAndRoundTrips()
    {
        // Arrange
        var sut = new StagedChangeBuilder().WithPriceChange(10m, 11m).WithConflict().Build().Decide(ApprovalVerdict.NoRuleMatched).Change!;

        // Act
        var json = JsonSerializer.Serialize(sut, DomainJson.Options);
        var back = JsonSerializer.Deserialize<StagedChange>(json, DomainJson.Options)!;

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("xorosoft_inventory", root.GetProperty("sync_direction").GetString());
        Assert.Equal(3, root.GetProperty("priority").GetInt32());
        Assert.True(root.GetProperty("has_conflicts").GetBoolean());
        Assert.Equal(10m, root.GetProperty("field_changes")[0].GetProperty("old").GetDecimal());
        Assert.Equal(10m, root.GetProperty("field_changes")[0].GetProperty("change_percent").GetDecimal());
        Assert.Equal(json, JsonSerializer.Serialize(back, DomainJson.Options));
    }
}
