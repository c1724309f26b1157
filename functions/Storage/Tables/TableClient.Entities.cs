using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>Single-entity operations.</summary>
/// <remarks>
/// Each write is described as a <see cref="TableTransactionAction"/>, so a single call and the same action
/// inside a transaction send the same verb, URL, headers and body. After a successful add, update or upsert
/// the entity's <see cref="TableEntity.ETag"/> is set to the new version, ready for the next conditional update.
/// </remarks>
public partial class TableClient
{
    /// <summary>Inserts an entity that must not exist yet.</summary>
    /// <param name="entity">The entity; its <see cref="TableEntity.ETag"/> is set to the new version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response; its <c>ETag</c> header holds the new version.</returns>
    /// <exception cref="ArgumentException">A key contains a character the service refuses.</exception>
    /// <exception cref="RequestFailedException">409 <c>EntityAlreadyExists</c>, or another failure.</exception>
    public virtual Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        SendEntityAsync(new TableTransactionAction(TableTransactionActionType.Add, entity), cancellationToken);

    /// <summary>Inserts the entity, or merges it into / replaces the stored one, whatever its version.</summary>
    /// <param name="entity">The entity; its <see cref="TableEntity.ETag"/> is set to the new version.</param>
    /// <param name="mode">Merge keeps stored properties the entity does not mention; replace drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response; its <c>ETag</c> header holds the new version.</returns>
    /// <exception cref="ArgumentException">A key contains a character the service refuses.</exception>
    /// <exception cref="RequestFailedException">The service refused the write.</exception>
    public virtual Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        SendEntityAsync(new TableTransactionAction(
            ActionType(mode, TableTransactionActionType.UpsertMerge, TableTransactionActionType.UpsertReplace), entity), cancellationToken);

    /// <summary>Merges into or replaces an existing entity, provided it is still at version <paramref name="ifMatch"/>.</summary>
    /// <param name="entity">The entity; its <see cref="TableEntity.ETag"/> is set to the new version.</param>
    /// <param name="ifMatch">The version read earlier (usually <c>entity.ETag</c>), or <see cref="ETag.All"/> for any version.</param>
    /// <param name="mode">Merge keeps stored properties the entity does not mention; replace drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response; its <c>ETag</c> header holds the new version.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="ifMatch"/> is <see langword="default"/> (a never-read entity; say <see cref="ETag.All"/> to
    /// overwrite unconditionally), or a key contains a character the service refuses.
    /// </exception>
    /// <exception cref="RequestFailedException">
    /// 412 <c>UpdateConditionNotSatisfied</c> when someone else changed the entity, 404 when it does not exist.
    /// </exception>
    public virtual Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the version it expects; pass the entity's ETag, or ETag.All to update any version.", nameof(ifMatch));
        }

        return SendEntityAsync(new TableTransactionAction(
            ActionType(mode, TableTransactionActionType.UpdateMerge, TableTransactionActionType.UpdateReplace), entity, ifMatch), cancellationToken);
    }

    /// <summary>Deletes an entity; one that does not exist is not an error.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The version to delete; <see langword="default"/> deletes any version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204 when deleted; the 404 <c>ResourceNotFound</c> response, without throwing, when there was no such entity.</returns>
    /// <exception cref="ArgumentException">A key contains a character the service refuses.</exception>
    /// <exception cref="RequestFailedException">412 when the entity has another version; 404 <c>TableNotFound</c>; other failures.</exception>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        var action = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
        action.ValidateKeys();
        using var message = CreateEntityMessage(action);
        return await SendAsync(message, 404, ResourceNotFound, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return; all when <see langword="null"/>. System properties come back only if named.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity, with its <see cref="TableEntity.ETag"/> and <see cref="TableEntity.Timestamp"/>.</returns>
    /// <exception cref="ArgumentException">A key contains a character the service refuses.</exception>
    /// <exception cref="RequestFailedException">404 <c>ResourceNotFound</c> when there is no such entity, or another failure.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Azure.Data.Tables names it select; callers use the named argument.")]
    public virtual async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadEntity(response), response);
    }

    /// <summary>Reads one entity if it exists.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return; all when <see langword="null"/>. System properties come back only if named.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity, or no value (<c>HasValue</c> false, <c>Value</c> null) when it does not exist.</returns>
    /// <exception cref="ArgumentException">A key contains a character the service refuses.</exception>
    /// <exception cref="RequestFailedException">404 <c>TableNotFound</c>, or another failure.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Azure.Data.Tables names it select; callers use the named argument.")]
    public virtual async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await SendAsync(message, 404, ResourceNotFound, cancellationToken).ConfigureAwait(false);
        return new TableEntityResponse(response.IsError ? null : ReadEntity(response), response);
    }

    private async Task<Response> SendEntityAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        action.ValidateKeys();
        using var message = CreateEntityMessage(action);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Headers.ETag is { } etag)
        {
            action.Entity.ETag = etag;
        }

        return response;
    }

    private HttpMessage CreateEntityMessage(TableTransactionAction action)
    {
        var message = CreateMessage(action.Method, action.RequestUri(_tableUri));
        if (action.IfMatch is { } ifMatch)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        if (action.HasBody)
        {
            message.Request.Headers.SetValue("Prefer", TableHeaders.ReturnNoContent);
            SetJsonContent(message.Request, json => TableEntityJson.Write(json, action.Entity));
        }

        return message;
    }

    private HttpMessage CreateGetEntityMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var uri = TableKeys.EntityUri(_tableUri, partitionKey, rowKey);
        return CreateMessage(RequestMethod.Get, select is null ? uri : new Uri($"{uri.AbsoluteUri}?$select={SelectList(select)}"));
    }

    private static TableEntity ReadEntity(Response response)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        return TableEntityJson.Read(document.RootElement);
    }

    private static string SelectList(IEnumerable<string> select) => string.Join(',', select.Select(Uri.EscapeDataString));

    private static TableTransactionActionType ActionType(TableUpdateMode mode, TableTransactionActionType merge, TableTransactionActionType replace) => mode switch
    {
        TableUpdateMode.Merge => merge,
        TableUpdateMode.Replace => replace,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
    };
}
