using System.Globalization;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Functions.Products;

/// <summary>
/// The rows of one product's partition in <c>productversions</c>: a version row per version (RowKey = inverted number,
/// so the partition reads newest first) and a change row per recorded change (RowKey = <c>change~{id}</c>, after every
/// version row) that pins the version the change got, and row <c>latest</c> (after both) holding a copy of the newest
/// version row.
/// </summary>
internal static class ProductVersionEntity
{
    /// <summary>The highest version number a row key can hold.</summary>
    public const int MaxNumber = 999_999_999;

    /// <summary>The column holding a row's version number.</summary>
    public const string NumberColumn = "Number";

    /// <summary>The row key of the copy of the newest version.</summary>
    public const string LatestRowKey = "latest";

    private const string ChangePrefix = "change~";

    /// <summary>The first and last version row keys, to read version rows and skip change rows.</summary>
    public static (string From, string To) VersionRange { get; } = (VersionRowKey(MaxNumber), VersionRowKey(1));

    /// <summary>The partition of a product.</summary>
    public static string PartitionKey(Sku sku) => TableKeyText.Escape(sku.Normalized);

    /// <summary>The row key of version <paramref name="number"/>: newer numbers sort first.</summary>
    public static string VersionRowKey(int number) => (MaxNumber - number).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>The row key of the row that pins a change's version.</summary>
    public static string ChangeRowKey(string changeId) => ChangePrefix + TableKeyText.Escape(changeId);

    /// <summary>The version row.</summary>
    public static TableEntity ToEntity(ProductVersion version)
    {
        var entity = new TableEntity(PartitionKey(version.Sku), VersionRowKey(version.Number))
        {
            [NumberColumn] = version.Number,
            ["Hash"] = version.Hash,
            ["ChangeId"] = version.ChangeId,
            ["CreatedAt"] = version.CreatedAt,
        };
        CompressedJsonParts.Write(entity, CompressedJsonParts.Compress(version), $"Version {version.Number} of {version.Sku}");
        return entity;
    }

    /// <summary>The copy of a version row as the newest, row <see cref="LatestRowKey"/>.</summary>
    public static TableEntity LatestCopyOf(TableEntity versionRow) => new(versionRow) { RowKey = LatestRowKey };

    /// <summary>The change row pointing at <paramref name="version"/>.</summary>
    public static TableEntity ToChangeEntity(ProductVersion version, string changeId) =>
        new(PartitionKey(version.Sku), ChangeRowKey(changeId)) { [NumberColumn] = version.Number };

    /// <summary>The version a change row points at.</summary>
    public static int NumberOf(TableEntity changeRow) =>
        changeRow.GetInt32(NumberColumn) ?? throw new InvalidOperationException($"Product version change row {changeRow.RowKey} has no {NumberColumn}.");

    /// <summary>The version a version row holds.</summary>
    public static ProductVersion FromEntity(TableEntity entity) => CompressedJsonParts.Read<ProductVersion>(entity, "Product version");
}
