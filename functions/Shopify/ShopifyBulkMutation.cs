using System.Text;
using System.Text.Json;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Writes many products' bulk-writable fields (<see cref="ShopifyUpdate.BulkWritableFields"/>) in two stages
/// (<see cref="ShopifyBulkStage"/>): productVariantsBulkUpdate lines for variant fields, then productUpdate lines for
/// product fields of the updates whose variant line succeeded. Each call does one thing and returns — start a stage,
/// check an operation, read the outcomes — so the caller waits between them (a durable timer), never this class.
/// </summary>
/// <remarks>
/// Repeating is harmless: every line sets values, none adds. A stage's lines follow from the updates alone (and, for
/// products, from the variants operation's results), so every call given the same list agrees on line numbers.
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
    private readonly ILogger<ShopifyBulkMutation> _logger;

    /// <summary>Creates the writer.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="status">Reads bulk operations' status (any bulk operation, not only exports).</param>
    /// <param name="files">Uploads variables to and downloads results from signed URLs (no Shopify token is sent).</param>
    /// <param name="timeProvider">The clock the file transfers' retries wait on.</param>
    /// <param name="logger">The logger.</param>
    public ShopifyBulkMutation(ShopifyGraphQLClient client, ShopifyBulkExport status, HttpClient files, TimeProvider timeProvider, ILogger<ShopifyBulkMutation> logger)
    {
        _client = client;
        _status = status;
        _files = new ShopifyBulkFiles(client, files, timeProvider);
        _logger = logger;
    }

    /// <summary>As <see cref="IShopifyPush.StartBulkUpdateAsync"/>.</summary>
    /// <param name="updates">The whole bulk update; every one must be <see cref="ShopifyUpdate.IsBulkWritable"/>.</param>
    /// <param name="stage">The stage to start.</param>
    /// <param name="variantsOperationId">For the products stage: the completed variants operation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started operation, busy, or nothing to write.</returns>
    /// <exception cref="ArgumentException">An update names a field a bulk mutation does not write, or lacks the ids it needs.</exception>
    /// <exception cref="ShopifyBulkOperationException">The variables could not be staged, or Shopify refused the start for another reason than a running operation.</exception>
    public async Task<ShopifyBulkStart> StartAsync(IReadOnlyList<ShopifyUpdate> updates, ShopifyBulkStage stage, string? variantsOperationId, CancellationToken cancellationToken)
    {
        ShopifyBulkUpdateLines.Check(updates);
        var errors = NoErrors(updates);
        if (stage == ShopifyBulkStage.Products)
        {
            await CollectAsync(ShopifyBulkStage.Variants, ShopifyBulkUpdateLines.Of(updates, ShopifyBulkStage.Variants, errors), variantsOperationId, errors, cancellationToken).ConfigureAwait(false);
        }

        var lines = ShopifyBulkUpdateLines.Of(updates, stage, errors);
        if (lines.Count == 0)
        {
            return ShopifyBulkStart.NothingToWrite;
        }

        var jsonl = new StringBuilder();
        foreach (var (_, variables) in lines)
        {
            jsonl.Append(JsonSerializer.Serialize(variables, s_json)).Append('\n');
        }

        var path = await _files.UploadAsync(jsonl.ToString(), cancellationToken).ConfigureAwait(false);
        var mutation = MutationOf(stage);
        var payload = (await _client.ExecuteAsync<RunBulkMutationData>(s_run, new { mutation = mutation.Text, stagedUploadPath = path }, cancellationToken).ConfigureAwait(false))
            .BulkOperationRunMutation;
        if (payload.UserErrors is [{ Code: ShopifyBulkOperationException.OperationInProgress }, ..])
        {
            LogBusy(mutation.Name);
            return ShopifyBulkStart.ShopBusy;
        }

        if (payload.UserErrors is [var error, ..])
        {
            throw new ShopifyBulkOperationException($"Shopify refused to start the bulk {mutation.Name} ({error.Code ?? "no code"}): {error.Message}", null, error.Code);
        }

        var id = payload.BulkOperation?.Id ?? throw new ShopifyBulkOperationException("Shopify started no bulk mutation and gave no reason.");
        LogStarted(id, mutation.Name, lines.Count);
        return ShopifyBulkStart.Started(id);
    }

    /// <summary>As <see cref="IShopifyPush.CheckBulkOperationAsync"/>.</summary>
    /// <param name="operationId">The operation's GID.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>Its state.</returns>
    public async Task<ShopifyBulkCheck> CheckAsync(string operationId, CancellationToken cancellationToken)
    {
        var status = await _status.GetStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
        return status.Status == ShopifyBulkOperationStatus.Completed ? new ShopifyBulkCheck(ShopifyBulkState.Completed)
            : status.IsFinished ? new ShopifyBulkCheck(ShopifyBulkState.Failed, $"The bulk operation {operationId} ended {status.Status}{(status.ErrorCode is { } code ? $" with error {code}" : string.Empty)}.")
            : new ShopifyBulkCheck(ShopifyBulkState.Running);
    }

    /// <summary>As <see cref="IShopifyPush.ReadBulkUpdateAsync"/>.</summary>
    /// <param name="updates">The whole bulk update.</param>
    /// <param name="variantsOperationId">The completed variants operation, or <see langword="null"/>.</param>
    /// <param name="productsOperationId">The completed products operation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>One outcome per update, in order.</returns>
    /// <exception cref="ShopifyBulkOperationException">An operation given has not completed, or its result could not be read.</exception>
    public async Task<IReadOnlyList<ShopifyWriteResult>> ReadAsync(
        IReadOnlyList<ShopifyUpdate> updates, string? variantsOperationId, string? productsOperationId, CancellationToken cancellationToken)
    {
        ShopifyBulkUpdateLines.Check(updates);
        var errors = NoErrors(updates);
        await CollectAsync(ShopifyBulkStage.Variants, ShopifyBulkUpdateLines.Of(updates, ShopifyBulkStage.Variants, errors), variantsOperationId, errors, cancellationToken).ConfigureAwait(false);
        await CollectAsync(ShopifyBulkStage.Products, ShopifyBulkUpdateLines.Of(updates, ShopifyBulkStage.Products, errors), productsOperationId, errors, cancellationToken).ConfigureAwait(false);
        return [.. updates.Select((update, index) => errors[index].Count > 0
            ? ShopifyWriteResult.Failure(errors[index])
            : ShopifyWriteResult.Success(update.Proposed with
            {
                ShopifyProductId = update.Current.ShopifyProductId,
                ShopifyVariantId = update.Current.ShopifyVariantId,
                ShopifyInventoryItemId = update.Current.ShopifyInventoryItemId,
            }))];
    }

    // Adds each line's errors to its update; a stage without a completed operation fails all its lines.
    private async Task CollectAsync(ShopifyBulkStage stage, List<(int Index, object Variables)> lines, string? operationId, List<ShopifyUserError>[] errors, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var answered = new bool[lines.Count];
        if (operationId is not null)
        {
            var status = await _status.GetStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
            if (status.Status != ShopifyBulkOperationStatus.Completed)
            {
                throw new ShopifyBulkOperationException($"The bulk mutation {operationId} has not completed ({status.Status}); its results cannot be read.", operationId, status.ErrorCode);
            }

            foreach (var line in status.Url is null ? [] : await _files.DownloadLinesAsync(status.Url, cancellationToken).ConfigureAwait(false))
            {
                var (lineNumber, lineErrors) = ShopifyBulkMutationLine.Read(line, RootFieldOf(stage));
                if (lineNumber >= 0 && lineNumber < lines.Count)
                {
                    answered[lineNumber] = true;
                    errors[lines[lineNumber].Index].AddRange(lineErrors);
                }
            }
        }

        var missing = operationId is null ? $"The {RootFieldOf(stage)} bulk mutation did not complete." : $"The bulk operation {operationId} reported no result for this update.";
        for (var lineNumber = 0; lineNumber < lines.Count; lineNumber++)
        {
            if (!answered[lineNumber])
            {
                errors[lines[lineNumber].Index].Add(new ShopifyUserError(null, missing, null));
            }
        }

        LogRead(operationId ?? "none", RootFieldOf(stage), lines.Count, lines.Count(line => errors[line.Index].Count > 0));
    }

    private static List<ShopifyUserError>[] NoErrors(IReadOnlyList<ShopifyUpdate> updates) => [.. updates.Select(_ => new List<ShopifyUserError>())];

    private static ShopifyDocument MutationOf(ShopifyBulkStage stage) => stage == ShopifyBulkStage.Variants ? s_updateVariant : s_updateProduct;

    private static string RootFieldOf(ShopifyBulkStage stage) => stage == ShopifyBulkStage.Variants ? "productVariantsBulkUpdate" : "productUpdate";

    [LoggerMessage(1, LogLevel.Information, "Another Shopify bulk mutation is running; {Document} starts later")]
    private partial void LogBusy(string document);

    [LoggerMessage(2, LogLevel.Information, "Shopify bulk mutation {OperationId} ({Document}) started: {Lines} lines")]
    private partial void LogStarted(string operationId, string document, int lines);

    [LoggerMessage(3, LogLevel.Information, "Shopify bulk mutation {OperationId} ({RootField}) read: {Lines} lines, {Failed} failed")]
    private partial void LogRead(string operationId, string rootField, int lines, int failed);
}
