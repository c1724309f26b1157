using System.Text;
using System.Text.Json;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Writes many products' bulk-writable fields (<see cref="ShopifyUpdate.BulkWritableFields"/>) with up to two bulk
/// mutations in sequence: productVariantsBulkUpdate lines for variant fields, then productUpdate lines for product
/// fields (of the updates whose variant line succeeded). Each line's outcome is read back by <c>__lineNumber</c>.
/// </summary>
/// <remarks>
/// Repeating is harmless: every line sets values, none adds. Shopify runs one bulk mutation at a time per shop, so a
/// start refused with <c>OPERATION_IN_PROGRESS</c> waits and tries again.
/// </remarks>
public sealed partial class ShopifyBulkMutation
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private static readonly ShopifyDocument s_run = ShopifyDocument.Load("RunBulkMutation", estimatedCost: 10);
    private static readonly ShopifyDocument s_updateVariant = ShopifyDocument.Load("UpdateVariant", estimatedCost: 10);
    private static readonly ShopifyDocument s_updateProduct = ShopifyDocument.Load("UpdateProduct", estimatedCost: 10);

    private readonly ShopifyGraphQLClient _client;
    private readonly ShopifyBulkExport _status;
    private readonly ShopifyBulkFiles _files;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ShopifyBulkMutation> _logger;

    /// <summary>Creates the writer.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="status">Reads bulk operations' status (any bulk operation, not only exports).</param>
    /// <param name="files">Uploads variables to and downloads results from signed URLs (no Shopify token is sent).</param>
    /// <param name="timeProvider">The clock polls wait on.</param>
    /// <param name="logger">The logger.</param>
    public ShopifyBulkMutation(ShopifyGraphQLClient client, ShopifyBulkExport status, HttpClient files, TimeProvider timeProvider, ILogger<ShopifyBulkMutation> logger)
    {
        _client = client;
        _status = status;
        _files = new ShopifyBulkFiles(client, files, timeProvider);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Time between status checks, and between starts refused because another bulk mutation runs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one operation (including waiting for another to finish) may take before the push gives up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>As <see cref="IShopifyPush.BulkUpdateAsync"/>.</summary>
    /// <param name="updates">What to write; every one must be <see cref="ShopifyUpdate.IsBulkWritable"/>.</param>
    /// <param name="cancellationToken">Stops waiting (operations already started run on at Shopify).</param>
    /// <returns>One outcome per update, in order.</returns>
    /// <exception cref="ArgumentException">An update names a field a bulk mutation does not write, or lacks the ids it needs.</exception>
    /// <exception cref="ShopifyBulkOperationException">An operation could not be staged, started or read, or failed as a whole.</exception>
    public async Task<IReadOnlyList<ShopifyWriteResult>> UpdateAsync(IReadOnlyList<ShopifyUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var refused = updates.Select((update, index) => (update, index)).Where(pair => !pair.update.IsBulkWritable).Select(pair => pair.index).ToList();
        if (refused.Count > 0)
        {
            throw new ArgumentException($"Updates {string.Join(", ", refused)} name fields a bulk mutation does not write; send them to UpdateAsync.", nameof(updates));
        }

        // Every id checked before the first operation, so a bad update cannot stop the push between the two.
        var missing = updates.Select((update, index) => (update, index))
            .Where(pair => pair.update.Current.ShopifyProductId is null
                || (pair.update.Current.ShopifyVariantId is null && pair.update.Fields.Any(ShopifyPushInputs.VariantLevelFields.Contains)))
            .Select(pair => pair.index).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Updates {string.Join(", ", missing)} have no Shopify product or variant id in their current product.", nameof(updates));
        }

        var errors = updates.Select(_ => new List<ShopifyUserError>()).ToArray();
        var variantLines = new List<(int Index, object Variables)>();
        for (var index = 0; index < updates.Count; index++)
        {
            var update = updates[index];
            var fields = update.Fields.ToHashSet(StringComparer.Ordinal);
            if (fields.Overlaps(ShopifyPushInputs.VariantLevelFields))
            {
                var variant = ShopifyPushInputs.Variant(update.Proposed, fields, update.Current.ShopifyVariantId!, withSku: false)!;
                variantLines.Add((index, new { productId = update.Current.ShopifyProductId, variants = new[] { variant } }));
            }
        }

        await RunAsync(s_updateVariant, "productVariantsBulkUpdate", variantLines, errors, cancellationToken).ConfigureAwait(false);

        var productLines = new List<(int Index, object Variables)>();
        for (var index = 0; index < updates.Count; index++)
        {
            var fields = updates[index].Fields.ToHashSet(StringComparer.Ordinal);
            if (errors[index].Count == 0 && fields.Overlaps(ShopifyPushInputs.ProductLevelFields))
            {
                productLines.Add((index, new { product = ShopifyPushInputs.Product(updates[index].Proposed, fields, updates[index].Current.ShopifyProductId) }));
            }
        }

        await RunAsync(s_updateProduct, "productUpdate", productLines, errors, cancellationToken).ConfigureAwait(false);
        return [.. updates.Select((update, index) => errors[index].Count > 0
            ? ShopifyWriteResult.Failure(errors[index])
            : ShopifyWriteResult.Success(update.Proposed with
            {
                ShopifyProductId = update.Current.ShopifyProductId,
                ShopifyVariantId = update.Current.ShopifyVariantId,
                ShopifyInventoryItemId = update.Current.ShopifyInventoryItemId,
            }))];
    }

    private async Task RunAsync(ShopifyDocument mutation, string rootField, List<(int Index, object Variables)> lines, List<ShopifyUserError>[] errors, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var jsonl = new StringBuilder();
        foreach (var (_, variables) in lines)
        {
            jsonl.Append(JsonSerializer.Serialize(variables, s_json)).Append('\n');
        }

        var path = await _files.UploadAsync(jsonl.ToString(), cancellationToken).ConfigureAwait(false);
        var started = _timeProvider.GetTimestamp();
        var id = await StartAsync(mutation, path, started, cancellationToken).ConfigureAwait(false);
        var status = await WaitAsync(id, started, cancellationToken).ConfigureAwait(false);
        var answered = new bool[lines.Count];
        if (status.Url is not null)
        {
            foreach (var line in await _files.DownloadLinesAsync(status.Url, cancellationToken).ConfigureAwait(false))
            {
                var (lineNumber, lineErrors) = ShopifyBulkMutationLine.Read(line, rootField);
                if (lineNumber >= 0 && lineNumber < lines.Count)
                {
                    answered[lineNumber] = true;
                    errors[lines[lineNumber].Index].AddRange(lineErrors);
                }
            }
        }

        for (var lineNumber = 0; lineNumber < lines.Count; lineNumber++)
        {
            if (!answered[lineNumber])
            {
                errors[lines[lineNumber].Index].Add(new ShopifyUserError(null, $"The bulk operation {id} reported no result for this update.", null));
            }
        }

        LogFinished(id, rootField, lines.Count, lines.Count(line => errors[line.Index].Count > 0));
    }

    private async Task<string> StartAsync(ShopifyDocument mutation, string path, long started, CancellationToken cancellationToken)
    {
        while (true)
        {
            var payload = (await _client.ExecuteAsync<RunBulkMutationData>(s_run, new { mutation = mutation.Text, stagedUploadPath = path }, cancellationToken).ConfigureAwait(false))
                .BulkOperationRunMutation;
            if (payload.UserErrors is not [var error, ..])
            {
                return payload.BulkOperation?.Id ?? throw new ShopifyBulkOperationException("Shopify started no bulk mutation and gave no reason.");
            }

            if (error.Code != "OPERATION_IN_PROGRESS" || _timeProvider.GetElapsedTime(started) >= Timeout)
            {
                throw new ShopifyBulkOperationException($"Shopify refused to start the bulk {mutation.Name} ({error.Code ?? "no code"}): {error.Message}", null, error.Code);
            }

            LogWaitingForOther(mutation.Name);
            await Task.Delay(PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ShopifyBulkStatus> WaitAsync(string id, long started, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await _status.GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            if (status.Status == ShopifyBulkOperationStatus.Completed)
            {
                return status;
            }

            if (status.IsFinished || _timeProvider.GetElapsedTime(started) >= Timeout)
            {
                throw new ShopifyBulkOperationException(
                    $"The bulk mutation {id} ended {status.Status}{(status.ErrorCode is { } code ? $" with error {code}" : string.Empty)} or ran out of time.", id, status.ErrorCode);
            }

            await Task.Delay(PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Another Shopify bulk mutation is running; waiting to start {Document}")]
    private partial void LogWaitingForOther(string document);

    [LoggerMessage(2, LogLevel.Information, "Shopify bulk mutation {OperationId} ({RootField}) finished: {Lines} lines, {Failed} failed")]
    private partial void LogFinished(string operationId, string rootField, int lines, int failed);
}
