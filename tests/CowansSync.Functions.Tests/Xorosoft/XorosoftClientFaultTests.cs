using System.Net;
using System.Text;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Xorosoft;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Xorosoft;

/// <summary>Answers the simulator does not give (HTML instead of JSON, a listing that ignores paging), injected by a stub handler.</summary>
public sealed class XorosoftClientFaultTests
{
    private const string OneProduct = """
        {"Result":true,"Message":"","Data":[{"BasePartNumber":"AB-1","Title":"Pen","VendorName":"Acme","Variants":[{"ItemNumber":"AB-1","Description":"Pen","ItemUpc":"036000291452","ManufacturerPartNumber":"ACM-1","StandardUnitPrice":1.5,"StandardUnitCost":0.75,"ActiveFlag":true}]}],"Page":1,"TotalPages":1}
        """;

    [Fact]
    public async Task GetProductAsync_HtmlThenJson_RetriesAndReadsTheProduct()
    {
        var answers = new Queue<string>(["<html><body>Please wait</body></html>", OneProduct]);
        using var sut = CreateClient(_ => answers.Dequeue());

        var items = await sut.GetProductAsync("AB-1");

        var item = Assert.Single(items);
        Assert.Equal(("AB-1", "ACM-1", 1.5m, 0.75m), (item.ItemNumber, item.ManufacturerPartNumber, item.Price, item.Cost));
        Assert.Equal(2, sut.RequestCount);
    }

    [Fact]
    public async Task SyncAsync_ListingIgnoresPaging_ThrowsInsteadOfLoopingForever()
    {
        using var client = CreateClient(_ => OneProduct);
        var storage = StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString);
        using var sut = new XorosoftMirror(client, storage, TimeProvider.System, NullLogger<XorosoftMirror>.Instance, "MAIN", AzuriteServer.UniqueName("xpaging"));

        var error = await Assert.ThrowsAsync<XorosoftApiException>(() => sut.SyncAsync());

        // Pages are asked for three at a time: the inventory listing's first three (the stub's product holds no inventory
        // rows, so page 1 ends it), then the item listing's pages 1 to 4, in flight when page 2 repeats page 1.
        Assert.Contains("ignore paging", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, client.RequestCount);
    }

    private static XorosoftClient CreateClient(Func<HttpRequestMessage, string> answer) => new(
        new HttpClient(new StubHandler(answer)),
        new XorosoftOptions { BaseUrl = "http://xorosoft.test", ApiKey = "key", ApiSecret = "secret" },
        XorosoftResilience.Create(TimeProvider.System, baseDelay: TimeSpan.FromMilliseconds(10), maxRetryAttempts: 3),
        NullLogger<XorosoftClient>.Instance);

    private sealed class StubHandler(Func<HttpRequestMessage, string> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(request), Encoding.UTF8, "application/json") });
    }
}
