using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Rules;

/// <summary>The custom rule of seed 002, read verbatim: products over $100 need approval unless the price moves ≤ 5 %.</summary>
public sealed class HighValueProductRuleTests
{
    private const string SeedRuleJson = """
        {
          "rule_name": "High Value Product Changes",
          "rule_description": "Require approval for changes to products over $100",
          "entity_type": "product",
          "change_type": "update",
          "field_patterns": ["price"],
          "value_thresholds": {
            "min_price": 100
          },
          "requires_approval": true,
          "auto_approve_conditions": {
            "max_price_change": 5
          },
          "priority": 1
        }
        """;

    private static ApprovalRuleEngine CreateSut()
    {
        var rule = JsonSerializer.Deserialize<ApprovalRule>(SeedRuleJson, DomainJson.Options)!;
        return new ApprovalRuleEngine([.. DefaultApprovalRules.Create(), rule]);
    }

    [Theory]
    [InlineData("200", "210", true)]      // exactly 5 %: within the exception
    [InlineData("200", "190", true)]      // −5 %
    [InlineData("200", "210.02", false)]  // 5.01 %
    [InlineData("150", "165", false)]     // 10 %: the defaults alone would auto-approve this
    [InlineData("90", "101", false)]      // crosses $100 upwards: over $100 after the change
    public void Evaluate_PriceChangeOfProductOver100_RuleDecides(string from, string to, bool autoApproved)
    {
        // Arrange
        var change = new StagedChangeBuilder().WithPriceChange(Money(from), Money(to)).Build();

        // Act
        var verdict = CreateSut().Evaluate(change);

        // Assert
        Assert.Equal("High Value Product Changes", verdict.RuleName);
        Assert.Equal(autoApproved, verdict.AutoApproved);
    }

    [Theory]
    [InlineData("100", "90")]  // exactly $100 is not "over $100"
    [InlineData("50", "55")]
    public void Evaluate_ProductNotOver100_RuleDoesNotMatch(string from, string to)
    {
        var verdict = CreateSut().Evaluate(new StagedChangeBuilder().WithPriceChange(Money(from), Money(to)).Build());

        Assert.Equal("Minor updates", verdict.RuleName);
    }

    [Fact]
    public void Evaluate_ExpensiveProductStockChange_RuleDoesNotMatchWithoutPriceChange()
    {
        var change = new StagedChangeBuilder().From(p => p.WithPrice(500m)).Updating(p => p.WithInventory(90)).Build();

        Assert.Equal("Minor updates", CreateSut().Evaluate(change).RuleName);
    }

    [Fact]
    public void Evaluate_SamePriorityCriticalPriceChange_RequireBeatsHighValueException()
    {
        // Arrange: 25 % moves the price (Critical, priority 1, requires); High Value (priority 1) also requires.
        var verdict = CreateSut().Evaluate(new StagedChangeBuilder().WithPriceChange(200m, 250m).Build());

        // Assert: both require; the one listed first decides.
        Assert.False(verdict.AutoApproved);
        Assert.Equal("Critical price change", verdict.RuleName);
    }

    [Fact]
    public void Validate_SeedRule_IsValid()
    {
        Assert.Empty(JsonSerializer.Deserialize<ApprovalRule>(SeedRuleJson, DomainJson.Options)!.Validate());
    }

    private static decimal Money(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
