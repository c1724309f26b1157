using System.Runtime.CompilerServices;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// Reads an Etilize ZIP in either layout: Enhanced Content (positional files joined by product id) when it has a
/// <c>*_B_product.csv</c>, else flat (every CSV whose header names a <c>sku</c> column). Each CSV's encoding is
/// decided on its own (UTF-8, else Windows-1252). Bad rows are yielded as errors with their file and line.
/// </summary>
/// <remarks>Reading changes nothing, so a repeated or concurrent read of the same file yields the same rows.</remarks>
public sealed partial class EtilizeCatalogReader(
    IOptions<EtilizeArchiveOptions> options,
    IOptions<EtilizeOptions> feed,
    ILogger<EtilizeCatalogReader> logger) : ICatalogFileReader
{
    /// <inheritdoc />
    public async IAsyncEnumerable<CatalogRow> ReadAsync(Stream zip, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = await EtilizeArchive.OpenAsync(zip, options.Value, cancellationToken);
        var enhanced = EnhancedContentEntries.Find(archive.Entries);
        var (items, errors) = (0, 0);
        if (enhanced is not null)
        {
            LogLayout(logger, "enhanced", enhanced.Products.FullName);
            await foreach (var row in new EnhancedCatalogReader(archive, enhanced, SkuSources).ReadAsync(cancellationToken))
            {
                (items, errors) = row.Item is null ? (items, errors + 1) : (items + 1, errors);
                yield return row;
            }
        }
        else
        {
            var flat = await FlatEntriesAsync(archive, cancellationToken);
            foreach (var entry in flat)
            {
                LogLayout(logger, "flat", entry.Name);
                await foreach (var row in FlatCatalogReader.ReadAsync(entry, cancellationToken))
                {
                    (items, errors) = row.Item is null ? (items, errors + 1) : (items + 1, errors);
                    yield return row;
                }
            }
        }

        LogRead(logger, items, errors);
    }

    private IReadOnlyList<string> SkuSources => feed.Value.SkuSources is { Count: > 0 } sources ? [.. sources] : EtilizeOptions.DefaultSkuSources;

    private static async Task<List<CsvEntry>> FlatEntriesAsync(EtilizeArchive archive, CancellationToken cancellationToken)
    {
        var flat = new List<CsvEntry>();
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            var csv = await CsvEntry.OpenAsync(archive, entry, cancellationToken);
            if (FlatCatalogReader.IsHeader(await csv.ReadFirstAsync(cancellationToken)))
            {
                flat.Add(csv);
            }
        }

        if (flat.Count == 0)
        {
            var names = archive.Entries.Count == 0 ? "no files" : string.Join(", ", archive.Entries.Select(e => e.FullName));
            throw new CatalogFileRefusedException("unknown_layout",
                $"The archive ({names}) is neither Etilize Enhanced Content (no '*_B_product.csv') nor a flat catalog (no CSV with a 'sku' header column).");
        }

        return flat;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the Etilize {Layout} catalog from {Entry}")]
    private static partial void LogLayout(ILogger logger, string layout, string entry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the Etilize catalog: {Items} items, {Errors} row errors")]
    private static partial void LogRead(ILogger logger, int items, int errors);
}
