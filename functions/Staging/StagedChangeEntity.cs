using System.IO.Compression;
using System.Text.Json;
using CowansSync.Functions.Storage.Tables;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>
/// A staged change as a row of <c>stagedchanges</c>: filterable columns, plus the whole record as gzip-compressed
/// <see cref="DomainJson"/> split over binary properties <c>Data0</c>…<c>DataN</c>.
/// </summary>
/// <remarks>
/// Compressed binary rather than plain strings because a change carries descriptions (HTML, often hundreds of KB)
/// up to four times — before, after, and the field change's old and new — and a string counts twice its length
/// (UTF-16) against the 1 MiB entity limit; gzip makes such HTML a fraction of its size.
/// </remarks>
internal static class StagedChangeEntity
{
    /// <summary>The largest binary property the Table service stores.</summary>
    public const int MaxPartBytes = 64 * 1024;

    /// <summary>Parts that fit in a 1 MiB entity next to the filter columns.</summary>
    public const int MaxParts = 15;

    private const string DataParts = "DataParts";

    public static TableEntity ToEntity(StagedChange change)
    {
        var compressed = Compress(JsonSerializer.SerializeToUtf8Bytes(change, DomainJson.Options));
        var parts = (compressed.Length + MaxPartBytes - 1) / MaxPartBytes;
        if (parts > MaxParts)
        {
            throw new ArgumentException(
                $"Staged change {change.ChangeId} ({change.Sku}) is {compressed.Length} bytes compressed; at most {MaxParts * MaxPartBytes} fit in a table row.",
                nameof(change));
        }

        var entity = new TableEntity(change.RunId, change.ChangeId)
        {
            ["Status"] = WireName.Of(change.Status),
            ["ChangeType"] = WireName.Of(change.ChangeType),
            ["Direction"] = WireName.Of(change.Direction),
            ["Sku"] = change.Sku.Normalized,
            ["HasConflicts"] = change.HasConflicts,
            ["AutoApproved"] = change.Verdict?.AutoApproved ?? false,
            ["Priority"] = (int)change.Priority,
            ["CreatedAt"] = change.CreatedAt,
            [DataParts] = parts,
        };
        for (var part = 0; part < parts; part++)
        {
            var start = part * MaxPartBytes;
            entity[$"Data{part}"] = compressed[start..Math.Min(start + MaxPartBytes, compressed.Length)];
        }

        return entity;
    }

    public static StagedChange FromEntity(TableEntity entity)
    {
        var parts = entity.GetInt32(DataParts) ?? throw new InvalidOperationException($"Staged change row {entity.RowKey} has no {DataParts}.");
        using var compressed = new MemoryStream();
        for (var part = 0; part < parts; part++)
        {
            compressed.Write(entity.GetBinary($"Data{part}") ?? throw new InvalidOperationException($"Staged change row {entity.RowKey} lacks Data{part}."));
        }

        compressed.Position = 0;
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<StagedChange>(json, DomainJson.Options)
            ?? throw new InvalidOperationException($"Staged change row {entity.RowKey} holds JSON null.");
    }

    private static byte[] Compress(byte[] json)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(json);
        }

        return compressed.ToArray();
    }
}
