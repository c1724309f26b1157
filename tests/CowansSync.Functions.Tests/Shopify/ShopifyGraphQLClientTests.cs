using System.Text.Json;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>The Admin API client against the Shopify simulator: throttling waited out, 5xx retried, pacing, clear errors.</summary>
public sealed class ShopifyGraphQLClientTests(ShopifySandboxFixture fixture) : IClassFixture<ShopifySandboxFixture>
{
    private static readonly ShopifyDocument s_shopName = new("ShopName", "query ShopName { shop { name } }", 1);

    // 2 + 240 requested, 2 + 140 actual (the store holds 140 products): 20 of them spend ~2,840 of a 2,000-point bucket.
    private static readonly ShopifyDocument s_productIds = new("ProductIds", "query ProductIds { products(first: 240) { nodes { id } } }", 242);

    [Fact]
    public async Task ExecuteAsync_ForcedThrottling_WaitsItOutAndSucceeds()
    {
        // Arrange
        var throttledBefore = (await fixture.CountersAsync()).GetProperty("throttled").GetInt32();
        await fixture.SetFaultsAsync(new { throttle = true });
        try
        {
            // Act
            var call = fixture.Client.ExecuteAsync<JsonElement>(s_shopName, null, CancellationToken.None);
            await WaitUntilAsync(async () => (await fixture.CountersAsync()).GetProperty("throttled").GetInt32() - throttledBefore >= 2);
            await fixture.SetFaultsAsync(new { throttle = false });
            var data = await call;

            // Assert
            Assert.False(string.IsNullOrEmpty(data.GetProperty("shop").GetProperty("name").GetString()));
            Assert.True(fixture.Client.Counters.Throttled >= 2);
        }
        finally
        {
            await fixture.SetFaultsAsync(new { throttle = false });
        }
    }

    [Fact]
    public async Task ExecuteAsync_HalfTheRequestsAnswer5xx_RetriesUntilEachSucceeds()
    {
        // Arrange
        var injectedBefore = (await fixture.CountersAsync()).GetProperty("errors_injected").GetInt32();
        await fixture.SetFaultsAsync(new { errorRate = 0.5 });
        try
        {
            // Act
            for (var call = 0; call < 10; call++)
            {
                var data = await fixture.Client.ExecuteAsync<JsonElement>(s_shopName, null, CancellationToken.None);
                Assert.Equal(JsonValueKind.String, data.GetProperty("shop").GetProperty("name").ValueKind);
            }

            // Assert
            Assert.True((await fixture.CountersAsync()).GetProperty("errors_injected").GetInt32() - injectedBefore > 0);
        }
        finally
        {
            await fixture.SetFaultsAsync(new { errorRate = 0 });
        }
    }

    [Fact]
    public async Task ExecuteAsync_InvalidDocument_ThrowsShopifyGraphQLExceptionWithoutTheToken()
    {
        var broken = new ShopifyDocument("Broken", "query Broken { shop { colour } }", 1);

        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => fixture.Client.ExecuteAsync<JsonElement>(broken, null, CancellationToken.None));

        Assert.Equal("Broken", error.DocumentName);
        Assert.Contains("Field 'colour' doesn't exist on type 'Shop'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Options.AccessToken!, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_WrongToken_ThrowsNamingHttp401WithoutTheToken()
    {
        var options = new ShopifyOptions
        {
            ShopDomain = fixture.Options.ShopDomain, AdminBaseUrl = fixture.Options.AdminBaseUrl, ApiVersion = fixture.Options.ApiVersion,
            AccessToken = "shpat_not-the-right-token",
        };
        using var sut = ShopifySandboxFixture.CreateClient(options);

        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => sut.ExecuteAsync<JsonElement>(s_shopName, null, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Invalid API key or access token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("shpat_not-the-right-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ClientCredentialsOnly_GrantsOneTokenAndUsesIt()
    {
        // Arrange
        var options = new ShopifyOptions
        {
            ShopDomain = fixture.Options.ShopDomain, AdminBaseUrl = fixture.Options.AdminBaseUrl, ApiVersion = fixture.Options.ApiVersion,
            ClientId = "sandbox-client-id", ClientSecret = fixture.ClientSecret,
        };
        using var sut = ShopifySandboxFixture.CreateClient(options);
        var issuedBefore = (await fixture.CountersAsync()).GetProperty("tokens_issued").GetInt32();

        // Act
        await sut.ExecuteAsync<JsonElement>(s_shopName, null, CancellationToken.None);
        var data = await sut.ExecuteAsync<JsonElement>(s_shopName, null, CancellationToken.None);

        // Assert
        Assert.Equal(JsonValueKind.String, data.GetProperty("shop").GetProperty("name").ValueKind);
        Assert.Equal(1, (await fixture.CountersAsync()).GetProperty("tokens_issued").GetInt32() - issuedBefore);
    }

    [Fact]
    public async Task ExecuteAsync_BurstBeyondTheBucket_IsPacedWithoutThrottling()
    {
        // Arrange
        var throttledBefore = (await fixture.CountersAsync()).GetProperty("throttled").GetInt32();
        var spentBefore = fixture.Client.Counters.CostSpent;

        // Act
        var pages = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => fixture.Client.ExecuteAsync<JsonElement>(s_productIds, null, CancellationToken.None)));

        // Assert
        Assert.All(pages, page => Assert.Equal(140, page.GetProperty("products").GetProperty("nodes").GetArrayLength()));
        Assert.True(fixture.Client.Counters.CostSpent - spentBefore > 2000, "the burst did not exceed the bucket");
        Assert.Equal(0, (await fixture.CountersAsync()).GetProperty("throttled").GetInt32() - throttledBefore);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
