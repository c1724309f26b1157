using CowansSync.Functions.Shopify;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifyBulkMutationLineTests
{
    [Fact]
    public void Read_SucceededLine_NoErrors()
    {
        var (lineNumber, errors) = ShopifyBulkMutationLine.Read("""{"data":{"productUpdate":{"product":{"id":"gid://shopify/Product/1"},"userErrors":[]}},"__lineNumber":4}""", "productUpdate");

        Assert.Equal(4, lineNumber);
        Assert.Empty(errors);
    }

    [Fact]
    public void Read_UserErrors_FieldPathJoinedWithDots()
    {
        var line = """{"data":{"productVariantsBulkUpdate":{"userErrors":[{"field":["variants","0","price"],"message":"Price must be greater than or equal to 0","code":"GREATER_THAN_OR_EQUAL_TO"}]}},"__lineNumber":0}""";

        var (_, errors) = ShopifyBulkMutationLine.Read(line, "productVariantsBulkUpdate");

        var error = Assert.Single(errors);
        Assert.Equal("variants.0.price", error.Field);
        Assert.Equal("GREATER_THAN_OR_EQUAL_TO", error.Code);
    }

    [Fact]
    public void Read_LineFailedOutright_ItsErrorsAreTheLinesErrors()
    {
        var (lineNumber, errors) = ShopifyBulkMutationLine.Read("""{"errors":[{"message":"Variable $productId of type ID! was provided invalid value"}],"__lineNumber":2}""", "productUpdate");

        Assert.Equal(2, lineNumber);
        Assert.Contains("invalid value", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoLineNumber_Throws()
    {
        var error = Assert.Throws<ShopifyBulkOperationException>(() => ShopifyBulkMutationLine.Read("""{"data":{}}""", "productUpdate"));

        Assert.Contains("__lineNumber", error.Message, StringComparison.Ordinal);
    }
}
