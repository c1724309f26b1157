using System.Net;
using System.Text;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Import;

/// <summary>The Etilize and Xorosoft endpoints on the sandbox: bad input named, validation, the live item, the files seen.</summary>
public sealed class ImportApiTests(SmallImportSandbox sandbox) : IClassFixture<SmallImportSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Theory]
    [InlineData("/api/etilize/sync/start", """{"auto_approve_threshold": 1.5}""", "auto_approve_threshold")]
    [InlineData("/api/etilize/sync/start", """{"auto_download": false}""", "auto_download")]
    [InlineData("/api/etilize/sync/start", """{"filename": "../secrets.zip"}""", "filename")]
    [InlineData("/api/etilize/sync/start", """{"filename": "notes.txt"}""", "filename")]
    [InlineData("/api/etilize/sync/download", "{}", "filename")]
    [InlineData("/api/xorosoft/validate", """{"product_skus": []}""", "product_skus")]
    [InlineData("/api/xorosoft/validate", """{"product_skus": ["A"], "validation_mode": "loose"}""", "validation_mode")]
    public async Task Post_InputOutOfRange_Returns400NamingTheField(string path, string body, string field)
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_UnknownFile_Returns404NamingIt()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/etilize/sync/start", Key, new { filename = "cowans_etilize_19990101.zip" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("filename", out _));
    }

    [Fact]
    public async Task Validate_KnownAndUnknownSkus_SaysWhichXorosoftCarries()
    {
        var known = (await sandbox.SkusAsync("in_all"))[0];
        var unknown = (await sandbox.SkusAsync("unknown_to_xorosoft"))[0];
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/xorosoft/validate", Key, new { product_skus = new[] { known, unknown } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadJsonAsync()).GetProperty("results");
        Assert.True(results.GetProperty(known).GetProperty("valid").GetBoolean());
        Assert.Equal("exact", results.GetProperty(known).GetProperty("match_type").GetString());
        Assert.False(results.GetProperty(unknown).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task GetProduct_KnownAndUnknown_LiveWithStockOr404()
    {
        var truth = await sandbox.TruthAsync();
        var known = (await sandbox.SkusAsync("in_all"))[0];
        var unknown = (await sandbox.SkusAsync("unknown_to_xorosoft"))[0];
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var found = await client.SendAsync(HttpMethod.Get, $"/api/xorosoft/products/{known}", Key);
        using var missing = await client.SendAsync(HttpMethod.Get, $"/api/xorosoft/products/{unknown}", Key);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var item = await found.ReadJsonAsync();
        var erp = truth.GetProperty("skus").GetProperty(known).GetProperty("xorosoft");
        Assert.Equal("live", item.GetProperty("source").GetString());
        Assert.Equal(erp.GetProperty("stock").GetProperty("MAIN").GetInt32(), item.GetProperty("stock_level").GetInt32());
        Assert.Equal(decimal.Parse(erp.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture), item.GetProperty("price").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Files_AfterAnImport_ListTheFileWithItsRun()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var runId = await ImportClient.StartAsync(client);

        using var response = await client.SendAsync(HttpMethod.Get, "/api/etilize/files", Key);

        var files = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var file = Assert.Single(files, f => f.GetProperty("file_name").GetString() == ImportSandbox.FileName);
        Assert.Equal(runId, file.GetProperty("run_id").GetString());
        Assert.NotNull(file.GetProperty("imported_at").GetString());
    }
}
