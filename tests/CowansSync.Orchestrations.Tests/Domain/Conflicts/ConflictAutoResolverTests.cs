using System.Globalization;
using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Conflicts;

public sealed class ConflictAutoResolverTests
{
    private static readonly FieldProvenance ByEtilize = new(SourceSystem.Etilize, DateTimeOffset.UnixEpoch);
    private static readonly FieldProvenance ByXorosoft = new(SourceSystem.Xorosoft, DateTimeOffset.UnixEpoch);
    private static readonly FieldProvenance ByPerson = new(SourceSystem.Manual, DateTimeOffset.UnixEpoch);

    private static ConflictAutoResolver CreateSut() => new();

    [Theory]
    [InlineData("100", "104.99", ResolutionChoice.UseShopify)]  // 4.99 %
    [InlineData("100", "95.01", ResolutionChoice.UseShopify)]   // −4.99 %
    [InlineData("100", "105", null)]                            // exactly 5 %
    [InlineData("100", "95", null)]                             // −5 %
    [InlineData("0", "10", null)]                               // no measurable difference
    public void Suggest_Price_ShopifyUnder5PercentElseManual(string local, string shopify, ResolutionChoice? expected)
    {
        var suggestion = CreateSut().Suggest(ProductFields.Price, Json(local), Json(shopify), ByXorosoft);

        Assert.Equal(expected, suggestion.Choice);
    }

    [Theory]
    [InlineData("25", "0", ResolutionChoice.UseLocal)]     // Shopify = 0 → Xorosoft
    [InlineData("20", "11", ResolutionChoice.UseShopify)]  // 9 units: the lower is Shopify's
    [InlineData("11", "20", ResolutionChoice.UseLocal)]    // 9 units: the lower is Xorosoft's
    [InlineData("20", "10", null)]                         // exactly 10 units
    [InlineData("0", "5", null)]                           // Xorosoft out, Shopify selling
    public void Suggest_Inventory_FollowsStockRules(string xorosoft, string shopify, ResolutionChoice? expected)
    {
        var suggestion = CreateSut().Suggest(ProductFields.InventoryQuantity, Json(xorosoft), Json(shopify), ByXorosoft);

        Assert.Equal(expected, suggestion.Choice);
    }

    [Fact]
    public void Suggest_DescriptionChangedByEtilize_UsesEtilize()
    {
        var suggestion = CreateSut().Suggest(ProductFields.DescriptionHtml, Text("a"), Text("b"), ByEtilize);

        Assert.Equal(ResolutionChoice.UseLocal, suggestion.Choice);
    }

    [Fact]
    public void Suggest_DescriptionEditedByPersonAgainstShopifyEdit_Manual()
    {
        var suggestion = CreateSut().Suggest(ProductFields.DescriptionHtml, Text("a"), Text("b"), ByPerson);

        Assert.False(suggestion.IsResolved);
        Assert.Equal("The local change to description_html did not come from its owner (Etilize).", suggestion.Reason);
    }

    [Fact]
    public void Suggest_DescriptionWithUnknownLocalSource_Manual()
    {
        Assert.False(CreateSut().Suggest(ProductFields.DescriptionHtml, Text("a"), Text("b"), null).IsResolved);
    }

    [Fact]
    public void Suggest_ShopifyOwnedField_UsesShopify()
    {
        var suggestion = CreateSut().Suggest(ProductFields.Tags, Text("a"), Text("b"), ByPerson);

        Assert.Equal(ResolutionChoice.UseShopify, suggestion.Choice);
    }

    [Fact]
    public void Suggest_XorosoftOwnedCostFromXorosoft_UsesLocal()
    {
        var suggestion = CreateSut().Suggest(ProductFields.Cost, Json("8"), Json("9"), ByXorosoft);

        Assert.Equal(ResolutionChoice.UseLocal, suggestion.Choice);
    }

    [Fact]
    public void Suggest_WiderConfiguredTolerances_AreHonoured()
    {
        var sut = new ConflictAutoResolver(new ConflictResolutionOptions { PriceTolerancePercent = 10m, InventoryToleranceUnits = 20 });

        Assert.Equal(ResolutionChoice.UseShopify, sut.Suggest(ProductFields.Price, Json("100"), Json("108"), null).Choice);
        Assert.Equal(ResolutionChoice.UseShopify, sut.Suggest(ProductFields.InventoryQuantity, Json("40"), Json("25"), null).Choice);
    }

    private static JsonElement Json(string number) => JsonSerializer.SerializeToElement(decimal.Parse(number, CultureInfo.InvariantCulture));

    private static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text);
}
