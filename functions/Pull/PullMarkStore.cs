using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Pull;

/// <summary>The pulls' high-water mark, one row of table <c>pullmarks</c>.</summary>
/// <remarks>Moving it is conditional on the row read (ETag), so of two pulls finishing together the later mark stays.</remarks>
public sealed class PullMarkStore(StorageClients storage) : IPullMarks
{
    /// <summary>The table.</summary>
    public const string TableName = "pullmarks";

    private const string Partition = "shopify";
    private const string Row = "products";
    private const string Column = "UpdatedAt";

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetDateTimeOffset(Column) : null;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset> AdvanceAsync(DateTimeOffset mark, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row.HasValue && row.Value!.GetDateTimeOffset(Column) is { } stored && stored >= mark)
            {
                return stored;
            }

            var entity = new TableEntity(Partition, Row) { [Column] = mark };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return mark;
            }
            catch (RequestFailedException error) when (error.Status is 409 or 412)
            {
                // Another pull moved it meanwhile: compare with theirs.
                continue;
            }
        }
    }
}
