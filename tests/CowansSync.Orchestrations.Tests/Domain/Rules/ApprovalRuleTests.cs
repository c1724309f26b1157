using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Orchestrations.Tests.Domain.Rules;

public sealed class ApprovalRuleTests
{
    private static readonly ApprovalRule ValidRule = new() { Name = "Stock", FieldPatterns = ["inventory_*"], Priority = 2 };

    [Fact]
    public void Validate_DefaultRules_AllValid()
    {
        Assert.All(DefaultApprovalRules.Create(), rule => Assert.Empty(rule.Validate()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Validate_PriorityAtBounds_Valid(int priority)
    {
        Assert.Empty((ValidRule with { Priority = priority }).Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Validate_PriorityOutOfRange_NamesPriority(int priority)
    {
        Assert.Equal(["priority"], (ValidRule with { Priority = priority }).Validate().Keys);
    }

    [Fact]
    public void Validate_EveryKindOfMistake_NamesEachField()
    {
        // Arrange
        var sut = new ApprovalRule
        {
            Name = " ",
            EntityType = "order",
            ChangeType = "modify",
            SyncDirection = "sideways",
            FieldPatterns = ["price", "prise"],
            ValueThresholds = new() { MinPrice = -1m, MinChangePercent = -5m, MinDecreasePercent = 100m },
            AutoApproveConditions = new() { MaxPriceChange = -1m, MinMatchConfidence = 1.5m },
        };

        // Act
        var errors = sut.Validate();

        // Assert
        Assert.Equal(
            [
                "rule_name", "entity_type", "change_type", "sync_direction", "field_patterns[1]",
                "value_thresholds.min_price", "value_thresholds.min_change_percent", "value_thresholds.min_decrease_percent",
                "auto_approve_conditions.max_price_change", "auto_approve_conditions.min_match_confidence",
            ],
            errors.Keys);
        Assert.Equal("Unknown change type 'modify'; expected one of create, update, delete.", errors["change_type"]);
    }

    [Fact]
    public void Serialize_Rule_SnakeCaseNamesAndRoundTrip()
    {
        // Arrange
        var sut = DefaultApprovalRules.Create()[0];

        // Act
        var json = JsonSerializer.Serialize(sut, DomainJson.Options);
        var back = JsonSerializer.Deserialize<ApprovalRule>(json, DomainJson.Options)!;

        // Assert
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Critical price change", document.RootElement.GetProperty("rule_name").GetString());
        Assert.Equal(20m, document.RootElement.GetProperty("value_thresholds").GetProperty("min_change_percent").GetDecimal());
        Assert.True(document.RootElement.GetProperty("requires_approval").GetBoolean());
        Assert.Equal(json, JsonSerializer.Serialize(back, DomainJson.Options));
    }

    [Fact]
    public void Deserialize_MisspeltProperty_FailsInsteadOfWideningTheRule()
    {
        const string json = """{"rule_name": "x", "value_threshold": {"min_price": 100}}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ApprovalRule>(json, DomainJson.Options));
    }
}
