using System.Security.Cryptography;
using System.Text;
using CowansSync.Functions.Webhooks;

namespace CowansSync.Functions.Tests.Webhooks;

public sealed class ShopifyWebhookSignatureTests
{
    private const string Secret = "shpss_webhook-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":1001,"title":"Labels"}""");

    [Fact]
    public void IsValid_HmacOfTheRawBody_IsTrue()
        => Assert.True(ShopifyWebhookSignature.IsValid(Secret, Body, Sign(Secret, Body)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void IsValid_MissingOrMalformedHeader_IsFalse(string? header)
        => Assert.False(ShopifyWebhookSignature.IsValid(Secret, Body, header));

    [Fact]
    public void IsValid_OtherSecretOrAlteredBody_IsFalse()
    {
        Assert.False(ShopifyWebhookSignature.IsValid(Secret, Body, Sign("another-secret", Body)));
        Assert.False(ShopifyWebhookSignature.IsValid(Secret, Encoding.UTF8.GetBytes("""{"id":1001,"title":"Label"}"""), Sign(Secret, Body)));
    }

    internal static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
