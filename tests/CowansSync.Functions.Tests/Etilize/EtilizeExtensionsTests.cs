using CowansSync.Functions.Etilize;
using CowansSync.Functions.Extensions;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Tests.Etilize;

public sealed class EtilizeExtensionsTests
{
    [Fact]
    public async Task AddEtilizeReader_WithArchiveSettings_ResolvesAReaderThatAppliesThem()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EtilizeArchive:MaxEntries"] = "1" });

        builder.AddEtilizeReader();
        await using var app = builder.Build();
        var sut = app.Services.GetRequiredService<ICatalogFileReader>();
        var zip = CatalogZip.Of(("a.csv", "sku\r\nCOS-1\r\n"), ("b.csv", "sku\r\nCOS-2\r\n"));

        Assert.IsType<EtilizeCatalogReader>(sut);
        Assert.Equal(1, app.Services.GetRequiredService<IOptions<EtilizeArchiveOptions>>().Value.MaxEntries);
        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(async () =>
        {
            await foreach (var row in sut.ReadAsync(new MemoryStream(zip), CancellationToken.None))
            {
                Assert.Fail($"No row was expected, got {row}.");
            }
        });
        Assert.Equal("too_many_entries", refusal.Reason);
    }

    [Fact]
    public async Task AddEtilizeReader_SkuSourcesAloneSet_ReaderTakesTheSkuFromThemAndTheFeedStaysUnconfigured()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Etilize:SkuSources:0"] = "Essendant" });

        builder.AddSyncSettings().AddEtilizeReader();
        await using var app = builder.Build();
        var sut = app.Services.GetRequiredService<ICatalogFileReader>();
        var zip = CatalogZip.Of(
            ("EN_US_B_product.csv", "40,1,1,M-40,1,0\r\n"),
            ("EN_US_B_productdescriptions.csv", "40,Labels,1,2,1\r\n"),
            ("EN_US_SKU_productskus.csv", "40,Cowans Office Supplies,COS-40,1,,\r\n40,Essendant,ESS-40,1,,\r\n"));

        var feed = app.Services.GetRequiredService<IOptions<EtilizeOptions>>().Value;
        var rows = await ((EtilizeCatalogReader)sut).ReadAllAsync(new MemoryStream(zip));

        Assert.Null(feed.Host);
        Assert.Equal("ESS-40", Assert.Single(rows).Item!.Sku);
    }
}
