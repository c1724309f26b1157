using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using CowansSync.Orchestrations.Domain;

namespace CowansSync.Functions.Storage;

/// <summary>
/// A record kept in a row as gzip-compressed <see cref="DomainJson"/>, split over binary properties
/// <c>Data0</c>…<c>DataN</c> (count in <c>DataParts</c>).
/// </summary>
/// <remarks>
/// Compressed binary rather than a plain string because records carry descriptions (HTML, often hundreds of KB): a
/// string property holds at most 64 KiB and counts twice its length (UTF-16) against the 1 MiB entity limit, while gzip
/// makes such HTML a fraction of its size.
/// </remarks>
internal static class CompressedJsonParts
{
    /// <summary>The largest binary property the Table service stores.</summary>
    public const int MaxPartBytes = 64 * 1024;

    /// <summary>Parts that fit in a 1 MiB entity next to a few filter columns.</summary>
    public const int MaxParts = 15;

    private const string DataParts = "DataParts";

    /// <summary>The record as compressed JSON, to <see cref="Write"/> into one or more rows.</summary>
    public static byte[] Compress<T>(T value)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            JsonSerializer.Serialize(gzip, value, DomainJson.Options);
        }

        return compressed.ToArray();
    }

    /// <summary>Sets the data properties of <paramref name="entity"/>.</summary>
    /// <param name="entity">The row.</param>
    /// <param name="compressed">What <see cref="Compress"/> made.</param>
    /// <param name="what">The record, named for the error (e.g. "Staged change X (SKU)").</param>
    /// <exception cref="ArgumentException">It does not fit in a row.</exception>
    public static void Write(TableEntity entity, byte[] compressed, string what)
    {
        var parts = (compressed.Length + MaxPartBytes - 1) / MaxPartBytes;
        if (parts > MaxParts)
        {
            throw new ArgumentException($"{what} is {compressed.Length} bytes compressed; at most {MaxParts * MaxPartBytes} fit in a table row.", nameof(compressed));
        }

        entity[DataParts] = parts;
        for (var part = 0; part < parts; part++)
        {
            var start = part * MaxPartBytes;
            entity[$"Data{part}"] = compressed[start..Math.Min(start + MaxPartBytes, compressed.Length)];
        }
    }

    /// <summary>The record a row holds.</summary>
    /// <param name="entity">The row.</param>
    /// <param name="what">The kind of record, named for the error (e.g. "Staged change").</param>
    /// <exception cref="InvalidOperationException">The row holds no or incomplete data.</exception>
    public static T Read<T>(TableEntity entity, string what)
    {
        var parts = entity.GetInt32(DataParts) ?? throw new InvalidOperationException($"{what} row {entity.RowKey} has no {DataParts}.");
        using var compressed = new MemoryStream();
        for (var part = 0; part < parts; part++)
        {
            compressed.Write(entity.GetBinary($"Data{part}") ?? throw new InvalidOperationException($"{what} row {entity.RowKey} lacks Data{part}."));
        }

        compressed.Position = 0;
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(json, DomainJson.Options) ?? throw new InvalidOperationException($"{what} row {entity.RowKey} holds JSON null.");
    }
}
