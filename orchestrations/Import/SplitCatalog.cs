using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>Reads the run's ZIP as a stream and writes its rows as batch blobs; a refused file is reported, not thrown.</summary>
/// <remarks>
/// Idempotent: the batches are a pure function of the file, so a repeat rewrites the same blobs with the same rows,
/// and the result it returns is the same.
/// </remarks>
public sealed class SplitCatalog(IPayloadStore payloads, ICatalogFileReader reader) : TaskActivity<SplitCatalogInput, CatalogSplit>
{
    private const int WritesInFlight = 4;

    /// <inheritdoc />
    public override async Task<CatalogSplit> RunAsync(TaskActivityContext context, SplitCatalogInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        try
        {
            return await SplitAsync(input);
        }
        catch (CatalogFileRefusedException refused)
        {
            return Refused($"The file '{settings.FileName}' was refused ({refused.Reason}): {refused.Message}");
        }
        catch (FileNotFoundException)
        {
            return Refused($"The file '{settings.FileName}' is not in storage at '{settings.DropPath}'.");
        }
    }

    private static CatalogSplit Refused(string reason) => new(0, 0, 0, 0, [reason], reason);

    private async Task<CatalogSplit> SplitAsync(SplitCatalogInput input)
    {
        var rows = 0L;
        var failed = 0L;
        var errors = new List<string>();
        var batches = 0;
        var batch = new List<CatalogItem>(input.BatchSize);
        var lastBatchRows = 0;

        // The reader goes on while the last few batches upload.
        var writes = new Queue<Task>();
        async Task WriteAsync()
        {
            (lastBatchRows, batches) = (batch.Count, batches + 1);
            writes.Enqueue(payloads.WriteBatchAsync(input.RunId, batches - 1, batch, CancellationToken.None));
            batch = new List<CatalogItem>(input.BatchSize);
            if (writes.Count >= WritesInFlight)
            {
                await writes.Dequeue();
            }
        }

        try
        {
            await using var zip = await payloads.OpenReadAsync(input.Settings.DropPath, CancellationToken.None);
            await foreach (var row in reader.ReadAsync(zip, CancellationToken.None))
            {
                rows++;
                if (row.Error is { } error)
                {
                    failed++;
                    if (errors.Count < input.MaxListedErrors)
                    {
                        errors.Add($"{error.File} line {error.Line}: {error.Reason}");
                    }
                }
                else if (row.Item is { } item)
                {
                    batch.Add(item);
                    if (batch.Count == input.BatchSize)
                    {
                        await WriteAsync();
                    }
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync();
            }
        }
        finally
        {
            await Task.WhenAll(writes);
        }

        return new CatalogSplit(rows, failed, batches, lastBatchRows, errors);
    }
}
