using System.IO.Compression;
using System.Text;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>Builds catalog ZIPs in memory for the reader's tests, and reads them back.</summary>
internal static class CatalogZip
{
    /// <summary>A ZIP of UTF-8 (no BOM) text entries.</summary>
    public static byte[] Of(params (string Name, string Content)[] entries) =>
        OfBytes([.. entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content)))]);

    /// <summary>A ZIP of entries given as bytes, for encodings other than UTF-8.</summary>
    public static byte[] OfBytes(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A reader with the default limits and, unless given, the default SKU sources.</summary>
    public static EtilizeCatalogReader Reader(params string[] skuSources)
    {
        var feed = new EtilizeOptions();
        foreach (var source in skuSources)
        {
            feed.SkuSources.Add(source);
        }

        return new(Options.Create(new EtilizeArchiveOptions()), Options.Create(feed), NullLogger<EtilizeCatalogReader>.Instance);
    }

    /// <summary>Every row of <paramref name="zip"/>.</summary>
    public static async Task<List<CatalogRow>> ReadAllAsync(this EtilizeCatalogReader reader, Stream zip)
    {
        var rows = new List<CatalogRow>();
        await foreach (var row in reader.ReadAsync(zip, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of <paramref name="zip"/>.</summary>
    public static Task<List<CatalogRow>> ReadAllAsync(this EtilizeCatalogReader reader, byte[] zip) => reader.ReadAllAsync(new MemoryStream(zip));
}
