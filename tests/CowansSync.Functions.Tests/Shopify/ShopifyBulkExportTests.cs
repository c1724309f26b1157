using System.Text.Json;
using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>The bulk export against the Shopify simulator (200 products): complete, equal to FindAsync, failures named.</summary>
public sealed class ShopifyBulkExportTests(ShopifySandboxFixture fixture) : IClassFixture<ShopifySandboxFixture>, IDisposable
{
    private static readonly string[] s_inStore = ["in_all", "shopify_only"];
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _downloads = new();

    [Fact]
    public async Task ReadResultAsync_WholeStoreExported_EveryProductOnceAsFindAsyncMapsIt()
    {
        // Arrange
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var storeSkus = truth.EnumerateObject().Where(sku => s_inStore.Contains(sku.Value.GetProperty("partition").GetString())).Select(sku => sku.Name).ToList();
        var found = (await fixture.CreateCatalog().FindAsync(storeSkus, [], CancellationToken.None)).ToDictionary(product => product.Sku.Original, StringComparer.Ordinal);
        var sut = CreateExport();

        // Act
        var status = await WaitFinishedAsync(sut, await sut.StartAsync(CancellationToken.None));
        var exported = new List<Product>();
        await foreach (var product in sut.ReadResultAsync(status.Url!, CancellationToken.None))
        {
            exported.Add(product);
        }

        // Assert
        Assert.Equal(storeSkus.Order(StringComparer.Ordinal), exported.Select(product => product.Sku.Original).Order(StringComparer.Ordinal));
        Assert.NotEmpty(exported);
        Assert.Equal(exported.Count, exported.Select(product => product.ShopifyProductId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(exported, product => Assert.Equal(Json(found[product.Sku.Original]), Json(product)));
        Assert.All(exported, product => Assert.NotEmpty(product.Images));
    }

    [Fact]
    public async Task GetStatusAsync_BulkOperationFails_FailedWithItsErrorCodeAndNoResult()
    {
        // Arrange: a required variable a bulk query never gets makes the simulator's run fail.
        var sut = CreateExport("query Failing($after: String!) { products(after: $after) { edges { node { id } } } }");

        // Act
        var status = await WaitFinishedAsync(sut, await sut.StartAsync(CancellationToken.None));

        // Assert
        Assert.Equal(ShopifyBulkOperationStatus.Failed, status.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", status.ErrorCode);
        Assert.Null(status.Url);
    }

    [Fact]
    public async Task StartAsync_TwiceAtOnce_SecondRefusedAsInProgressNamingTheFirst()
    {
        // Arrange
        var sut = CreateExport();

        // Act
        var starts = new[] { sut.StartAsync(CancellationToken.None), sut.StartAsync(CancellationToken.None) };
        var outcome = await Task.WhenAll(starts.Select(async start => (Id: await Try(start), Error: await Catch(start))));

        // Assert
        var started = Assert.Single(outcome, result => result.Id is not null).Id!;
        var refused = Assert.Single(outcome, result => result.Error is not null).Error!;
        Assert.Equal("OPERATION_IN_PROGRESS", refused.ErrorCode);
        Assert.Contains(started, refused.Message, StringComparison.Ordinal);
        var status = await WaitFinishedAsync(sut, started);
        Assert.Equal(ShopifyBulkOperationStatus.Completed, status.Status);
        Assert.True(status.ObjectCount > 0);
        Assert.NotNull(status.Url);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownId_ThrowsNamingIt()
    {
        var sut = CreateExport();

        var error = await Assert.ThrowsAsync<ShopifyBulkOperationException>(() => sut.GetStatusAsync("gid://shopify/BulkOperation/999999", CancellationToken.None));

        Assert.Contains("gid://shopify/BulkOperation/999999", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _downloads.Dispose();

    private ShopifyBulkExport CreateExport(string? query = null) => query is null
        ? new(fixture.Client, _downloads, NullLogger<ShopifyBulkExport>.Instance)
        : new(fixture.Client, _downloads, NullLogger<ShopifyBulkExport>.Instance, query);

    private static async Task<ShopifyBulkStatus> WaitFinishedAsync(ShopifyBulkExport sut, string id)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var status = await sut.GetStatusAsync(id, timeout.Token);
        while (!status.IsFinished)
        {
            await Task.Delay(s_poll, timeout.Token);
            status = await sut.GetStatusAsync(id, timeout.Token);
        }

        return status;
    }

    private static async Task<string?> Try(Task<string> start)
    {
        try
        {
            return await start;
        }
        catch (ShopifyBulkOperationException)
        {
            return null;
        }
    }

    private static async Task<ShopifyBulkOperationException?> Catch(Task<string> start)
    {
        try
        {
            await start;
            return null;
        }
        catch (ShopifyBulkOperationException exception)
        {
            return exception;
        }
    }

    private static string Json(Product product) => JsonSerializer.Serialize(product, DomainJson.Options);
}
