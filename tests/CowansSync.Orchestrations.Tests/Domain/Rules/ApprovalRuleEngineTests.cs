using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Rules;

public sealed class ApprovalRuleEngineTests
{
    private static ApprovalRuleEngine CreateSut(params ApprovalRule[] extraRules)
        => new([.. DefaultApprovalRules.Create(), .. extraRules]);

    [Theory]
    [InlineData("100", "120", true, "Minor updates")]            // exactly 20 %: not "over"
    [InlineData("100", "120.01", false, "Critical price change")] // 20.01 %
    [InlineData("100", "79.99", false, "Critical price change")]  // −20.01 %: a cut counts too
    [InlineData("0", "10", false, "Critical price change")]       // from nothing: no percentage, biggest change
    public void Evaluate_PriceChange_CriticalOnlyOver20Percent(string from, string to, bool autoApproved, string rule)
    {
        // Arrange
        var change = new StagedChangeBuilder().WithPriceChange(Money(from), Money(to)).Build();

        // Act
        var verdict = CreateSut().Evaluate(change);

        // Assert
        Assert.Equal(autoApproved, verdict.AutoApproved);
        Assert.Equal(rule, verdict.RuleName);
    }

    [Theory]
    [InlineData(100, 50, true, "Minor updates")]         // exactly −50 %
    [InlineData(100, 49, false, "Inventory reduction")]  // −51 %
    [InlineData(10, 0, false, "Inventory reduction")]    // sold out
    [InlineData(100, 300, true, "Minor updates")]        // increases never count
    public void Evaluate_InventoryChange_ReductionOnlyOver50Percent(int from, int to, bool autoApproved, string rule)
    {
        var verdict = CreateSut().Evaluate(new StagedChangeBuilder().WithInventoryChange(from, to).Build());

        Assert.Equal(autoApproved, verdict.AutoApproved);
        Assert.Equal(rule, verdict.RuleName);
    }

    [Fact]
    public void Evaluate_Create_RequiresApprovalByNewProductsRule()
    {
        var change = new StagedChangeBuilder().Creating(new ProductBuilder().Build()).InDirection(ChangeDirection.EtilizeImport).Build();

        var verdict = CreateSut().Evaluate(change);

        Assert.False(verdict.AutoApproved);
        Assert.Equal("default-new-products", verdict.RuleId);
    }

    [Theory]
    [InlineData("1.00", false, true)]
    [InlineData("0.95", false, true)]  // exactly the threshold
    [InlineData("0.94", false, false)]
    [InlineData("0.85", false, false)] // part number alone
    [InlineData("0.79", false, false)] // weak signal: never auto-approved
    [InlineData("0.95", true, false)]  // confident, but in conflict
    public void Evaluate_EtilizeUpdate_AutoApprovedOnlyAtThresholdWithoutConflict(string confidence, bool conflict, bool autoApproved)
    {
        // Arrange
        var builder = new StagedChangeBuilder()
            .Updating(p => p.WithTitle("Avery 5160 Labels"))
            .InDirection(ChangeDirection.EtilizeImport)
            .WithMatchConfidence(Money(confidence));
        var change = (conflict ? builder.WithConflict() : builder).Build();

        // Act
        var verdict = CreateSut().Evaluate(change);

        // Assert
        Assert.Equal(autoApproved, verdict.AutoApproved);
        Assert.Equal("Etilize match confidence", verdict.RuleName);
    }

    [Fact]
    public void Evaluate_EtilizeUpdateWithCriticalPrice_CriticalRuleOutranksConfidence()
    {
        var change = new StagedChangeBuilder().WithPriceChange(10m, 15m).InDirection(ChangeDirection.EtilizeImport).WithMatchConfidence(1m).Build();

        var verdict = CreateSut().Evaluate(change);

        Assert.Equal("Critical price change", verdict.RuleName);
    }

    [Fact]
    public void Evaluate_CustomThreshold_IsTheConfidenceRequired()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithTitle("x")).InDirection(ChangeDirection.EtilizeImport).WithMatchConfidence(0.95m).Build();

        var verdict = new ApprovalRuleEngine(DefaultApprovalRules.Create(autoApproveThreshold: 0.98m)).Evaluate(change);

        Assert.False(verdict.AutoApproved);
    }

    [Fact]
    public void Evaluate_UpdateWithConflicts_NoRuleMatchesSoAPersonDecides()
    {
        var change = new StagedChangeBuilder().WithPriceChange(10m, 10.5m).InDirection(ChangeDirection.PullFromShopify).WithConflict().Build();

        Assert.Equal(ApprovalVerdict.NoRuleMatched, CreateSut().Evaluate(change));
    }

    [Fact]
    public void Evaluate_Delete_NoDefaultRuleSoAPersonDecides()
    {
        var change = new StagedChangeBuilder().Deleting(new ProductBuilder().Build()).Build();

        Assert.Equal(ApprovalVerdict.NoRuleMatched, CreateSut().Evaluate(change));
    }

    [Fact]
    public void Evaluate_EqualPriorityAutoAndRequire_RequireWinsWhateverTheOrder()
    {
        // Arrange
        var auto = new ApprovalRule { Id = "auto", Name = "Auto", RequiresApproval = false, Priority = 2 };
        var require = new ApprovalRule { Id = "require", Name = "Require", Priority = 2 };
        var change = new StagedChangeBuilder().WithPriceChange(10m, 10.1m).Build();

        // Act
        var first = new ApprovalRuleEngine([auto, require]).Evaluate(change);
        var second = new ApprovalRuleEngine([require, auto]).Evaluate(change);

        // Assert
        Assert.Equal("require", first.RuleId);
        Assert.Equal("require", second.RuleId);
    }

    [Fact]
    public void Evaluate_HigherPriorityAutoApprove_BeatsLowerPriorityRequire()
    {
        var auto = new ApprovalRule { Id = "auto", Name = "Auto", RequiresApproval = false, Priority = 1 };
        var require = new ApprovalRule { Id = "require", Name = "Require", Priority = 2 };

        var verdict = new ApprovalRuleEngine([require, auto]).Evaluate(new StagedChangeBuilder().WithPriceChange(10m, 10.1m).Build());

        Assert.True(verdict.AutoApproved);
        Assert.Equal("auto", verdict.RuleId);
        Assert.Equal("Auto-approved: rule 'Auto' matched and it auto-approves.", verdict.Reason);
    }

    [Fact]
    public void Evaluate_InactiveRule_Ignored()
    {
        var inactive = new ApprovalRule { Id = "off", Name = "Off", Priority = 1, IsActive = false };

        var verdict = CreateSut(inactive).Evaluate(new StagedChangeBuilder().WithPriceChange(10m, 10.1m).Build());

        Assert.Equal("default-minor-updates", verdict.RuleId);
    }

    [Theory]
    [InlineData("inventory_*", true)]
    [InlineData("inventory_quantit?", true)]
    [InlineData("price", false)]
    public void Evaluate_FieldPatternGlob_MatchesChangedFieldNames(string pattern, bool matches)
    {
        var rule = new ApprovalRule { Id = "stock", Name = "Stock", FieldPatterns = [pattern], Priority = 1 };

        var verdict = CreateSut(rule).Evaluate(new StagedChangeBuilder().WithInventoryChange(100, 90).Build());

        Assert.Equal(matches, verdict.RuleId == "stock");
    }

    private static decimal Money(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
