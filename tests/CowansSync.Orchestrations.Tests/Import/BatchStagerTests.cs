using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Import;

/// <summary>One batch: Xorosoft filter, ERP values laid over the row, match, diff, and the default rules' verdicts.</summary>
public sealed class BatchStagerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly ImportSettings Settings = new() { DropPath = "etilize-drops/a.zip", FileName = "a.zip" };

    [Fact]
    public void Stage_UnknownToXorosoft_IsFilteredAndListed()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var row = new CatalogItemBuilder().WithSku("COS-9").Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup> { ["COS-9"] = new(XorosoftValidation.NotFound, null) }, [], Now);

        Assert.Empty(outcome.Changes);
        Assert.Equal(1, outcome.Counters[ImportCounters.XorosoftFiltered]);
        Assert.Equal(["COS-9"], outcome.Filtered);
    }

    [Fact]
    public void Stage_FilterOff_StagesTheUnknownRowWithoutErpValues()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings with { ApplyXorosoftFilter = false });
        var row = new CatalogItemBuilder().WithSku("COS-9").Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup>(), [], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(ChangeType.Create, change.ChangeType);
        Assert.Null(change.ProposedData!.Price);
    }

    [Fact]
    public void Stage_NewProduct_StagesACreateThatWaitsForReview()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var row = new CatalogItemBuilder().WithSku("COS-1").Build();

        var outcome = sut.Stage("run-1", [row], Known("COS-1", price: 12.50m, cost: 7m, stock: 4), [], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(ChangeType.Create, change.ChangeType);
        Assert.Equal(ChangeStatus.Pending, change.Status);
        Assert.Equal("default-new-products", change.Verdict!.RuleId);
        Assert.Equal(12.50m, change.ProposedData!.Price);
        Assert.Equal(4, change.ProposedData.InventoryQuantity);
        Assert.Equal(1, outcome.Counters[ImportCounters.NewProducts]);
        Assert.Equal(1, outcome.Counters[ImportCounters.PendingReview]);
    }

    [Fact]
    public void Stage_SameAsTheStore_IsUnchangedAndStagesNothing()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var product = new ProductBuilder().Build();
        var row = new CatalogItemBuilder().Build();

        var outcome = sut.Stage("run-1", [row], Known(row.Sku!, product.Price, product.Cost, product.InventoryQuantity), [product], Now);

        Assert.Empty(outcome.Changes);
        Assert.Equal(1, outcome.Counters[ImportCounters.MatchedProducts]);
        Assert.Equal(1, outcome.Counters[ImportCounters.Unchanged]);
    }

    [Theory]
    [InlineData(29.00, ChangeStatus.Approved)]
    [InlineData(19.99, ChangeStatus.Pending)]
    public void Stage_PriceChange_IsApprovedUnlessOverTwentyPercent(double xorosoftPrice, ChangeStatus expected)
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var product = new ProductBuilder().Build();
        var row = new CatalogItemBuilder().Build();

        var outcome = sut.Stage("run-1", [row], Known(row.Sku!, (decimal)xorosoftPrice, product.Cost, product.InventoryQuantity), [product], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(ChangeType.Update, change.ChangeType);
        Assert.Equal(expected, change.Status);
        Assert.Equal(["price"], change.FieldChanges.Select(f => f.Field));
        Assert.Equal(1.00m, change.MatchConfidence);
        Assert.Equal(StagedChangeId.For("run-1", product.Sku, ChangeDirection.EtilizeImport), change.ChangeId);
    }

    [Fact]
    public void Stage_MatchBelowTheRunThreshold_IsNotAutoApproved()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings with { AutoApproveThreshold = 0.99m });
        var product = new ProductBuilder().Build();
        // Another SKU: the row matches the product by barcode only (0.98).
        var row = new CatalogItemBuilder().WithSku("OTHER-1").With(i => i with { DescriptionHtml = "<p>New copy.</p>" }).Build();

        var outcome = sut.Stage("run-1", [row], Known("OTHER-1", product.Price, product.Cost, product.InventoryQuantity), [product], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(ChangeStatus.Pending, change.Status);
        Assert.Contains("below the run's auto-approve threshold", change.Verdict!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_InvalidSku_IsAFailedRowWithItsLine()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings with { ApplyXorosoftFilter = false });
        var row = new CatalogItemBuilder().WithSku("   ").With(i => i with { SourceLine = 17 }).Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup>(), [], Now);

        Assert.Empty(outcome.Changes);
        Assert.Equal(1, outcome.Counters[ImportCounters.FailedRows]);
        Assert.Contains("line 17", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_RowWithoutSkuXorosoftFound_IsStagedUnderXorosoftsItemNumber()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var row = new CatalogItemBuilder().With(i => i with { Sku = null }).Build();
        var lookups = new Dictionary<string, XorosoftLookup>
        {
            [row.LookupKey()] = new(XorosoftValidation.Matched(XorosoftMatchType.Mpn, "COS-77"), new XorosoftItem("COS-77", "COS-77", null, null, null, null, 9m, 4m, 3, Active: true)),
        };

        var outcome = sut.Stage("run-1", [row], lookups, [], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(("COS-77", 9m), (change.Sku.Original, change.ProposedData!.Price));
    }

    [Fact]
    public void Stage_RowWithoutSkuFilterOff_TakesTheSkuOfTheStoreProductItsBarcodeMatches()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings with { ApplyXorosoftFilter = false });
        var product = new ProductBuilder().Build();
        var row = new CatalogItemBuilder().With(i => i with { Sku = null, DescriptionHtml = "<p>New copy.</p>" }).Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup>(), [product], Now);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal((product.Sku, ChangeType.Update), (change.Sku, change.ChangeType));
    }

    [Fact]
    public void Stage_RowWithoutSkuNobodyKnows_IsAFailedRowNamingItsIdentity()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings with { ApplyXorosoftFilter = false });
        var row = new CatalogItemBuilder().With(i => i with { Sku = null, SourceLine = 9 }).Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup>(), [], Now);

        Assert.Empty(outcome.Changes);
        Assert.Equal(
            "catalog.csv line 9: Avery Products Corporation part 05160 has no SKU in the feed, and neither Xorosoft nor the store knows its part number or barcode",
            Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Stage_RowWithoutSkuUnknownToXorosoft_IsFilteredAndListedByItsIdentity()
    {
        var sut = new BatchStager(new ApprovalRuleEngine(DefaultApprovalRules.Create()), Settings);
        var row = new CatalogItemBuilder().With(i => i with { Sku = null, ManufacturerPartNumber = null }).Build();

        var outcome = sut.Stage("run-1", [row], new Dictionary<string, XorosoftLookup>(), [], Now);

        Assert.Equal(["UPC 072782051600"], outcome.Filtered);
    }

    private static Dictionary<string, XorosoftLookup> Known(string sku, decimal? price, decimal? cost, int? stock) => new()
    {
        [sku] = new(XorosoftValidation.Matched(XorosoftMatchType.Exact, sku), new XorosoftItem(sku, sku, null, null, null, null, price, cost, stock, Active: true)),
    };
}
