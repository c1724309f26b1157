using System.Text;
using CowansSync.Functions.Tests.Etilize;

namespace CowansSync.Functions.Tests.Import;

/// <summary>
/// Bad Etilize files end to end: a corrupt, bomb-like or path-escaping ZIP fails the run with its reason and stages
/// nothing; malformed rows are reported with file and line while the rest are staged; a Windows-1252 file keeps its text.
/// </summary>
public sealed class ImportFaultTests(SmallImportSandbox sandbox) : IClassFixture<SmallImportSandbox>
{
    private const string Header = "sku,title,description,manufacturer,mpn,upc,category,image_url,weight_lb,etilize_product_id";

    [Theory]
    [InlineData("corrupt", "corrupt_archive")]
    [InlineData("bomb", "compression_ratio")]
    [InlineData("traversal", "unsafe_entry_name")]
    public async Task Import_HostileArchive_FailsTheRunWithItsReasonAndStagesNothing(string kind, string reason)
    {
        var fileName = $"hostile_{kind}.zip";
        await File.WriteAllBytesAsync(sandbox.FtpPath(fileName), kind switch
        {
            "corrupt" => [.. "PK\u0003\u0004"u8, .. Enumerable.Repeat((byte)0x5A, 4096)],
            "bomb" => CatalogZip.OfBytes(("cowans_catalog.csv", new byte[64 * 1024 * 1024])),
            _ => CatalogZip.Of(("../../cowans_catalog.csv", Header + "\r\n")),
        });
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client, new { filename = fileName });
        var run = await ImportClient.WaitAsync(client, runId);

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains($"({reason})", run.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Contains(fileName, run.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ImportClient.StagedAsync(client, runId));
    }

    [Fact]
    public async Task Import_MalformedRows_ReportsEachWithFileAndLineAndStagesTheRest()
    {
        var newSkus = await sandbox.SkusAsync("new_in_etilize");
        var csv = string.Join("\r\n",
            Header,
            $"{newSkus[0]},Stapler,<p>Staples.</p>,Swingline,S7,,Staplers,,1.0,1",
            ",No SKU here,<p>x</p>,Acme,A1,,Misc,,1.0,2",
            $"{newSkus[1]},Too,few,fields",
            $"{newSkus[2]},Punch,<p>Punches.</p>,Swingline,S8,,Punches,,1.0,3") + "\r\n";
        var fileName = "malformed_rows.zip";
        await File.WriteAllBytesAsync(sandbox.FtpPath(fileName), CatalogZip.Of(("cowans_catalog.csv", csv)));
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client, new { filename = fileName });
        var run = await ImportClient.WaitAsync(client, runId);
        var status = await ImportClient.StatusAsync(client, runId);
        var staged = await ImportClient.StagedAsync(client, runId);

        Assert.Equal("awaiting_approval", run.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("progress").GetProperty("failed_rows").GetInt64());
        var errors = status.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("cowans_catalog.csv line 3:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("cowans_catalog.csv line 4:", errors[1], StringComparison.Ordinal);
        Assert.Equal([newSkus[0], newSkus[2]], staged.Select(s => s.GetProperty("sku").GetString()).Order());
    }

    [Fact]
    public async Task Import_Windows1252File_KeepsItsAccentsAndSymbols()
    {
        var sku = (await sandbox.SkusAsync("new_in_etilize"))[0];
        const string Title = "Café Desk Organizer ® ™ – €5 off";
        var csv = $"{Header}\r\n{sku},{Title},<p>Naïve façade</p>,Fellowes,F1,,Desk Accessories,,2.0,9\r\n";
        var fileName = "windows_1252.zip";
        await File.WriteAllBytesAsync(sandbox.FtpPath(fileName), CatalogZip.OfBytes(("cowans_catalog.csv", Windows1252.GetBytes(csv))));
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client, new { filename = fileName });
        await ImportClient.WaitAsync(client, runId);
        var change = Assert.Single(await ImportClient.StagedAsync(client, runId));

        Assert.Equal(Title, change.GetProperty("proposed_data").GetProperty("title").GetString());
        Assert.Equal("<p>Naïve façade</p>", change.GetProperty("proposed_data").GetProperty("description_html").GetString());
    }

    private static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}

/// <summary>A small sandbox (20 products) whose FTP folder the tests write their own files into.</summary>
public sealed class SmallImportSandbox() : ImportSandbox("flat", 20)
{
    /// <summary>Where a file must be written for the FTP server to serve it.</summary>
    /// <param name="fileName">The file's name.</param>
    /// <returns>The path.</returns>
    public string FtpPath(string fileName)
        => Path.Combine(Sandbox.EtilizeFolder, fileName);

    /// <summary>The truth's SKUs of one partition, in order.</summary>
    /// <param name="partition">E.g. <c>new_in_etilize</c>.</param>
    /// <returns>The SKUs.</returns>
    public async Task<List<string>> SkusAsync(string partition)
        => [.. (await TruthAsync()).GetProperty("skus").EnumerateObject()
            .Where(s => s.Value.GetProperty("partition").GetString() == partition)
            .Select(s => s.Name)
            .Order(StringComparer.Ordinal)];
}
