using System.Text.Json;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// One table of a storage account: the table itself, its entities, queries and entity group transactions,
/// shaped like Azure.Data.Tables' <c>TableClient</c> (which cannot be restored here).
/// </summary>
/// <remarks>
/// Requests go through <see cref="StoragePipeline"/>, so Azure.Core retries them, signs them (SharedKeyLite or
/// a bearer token) and turns failures into <see cref="RequestFailedException"/> with the service's error code.
/// Instances are thread-safe; keep one per table.
/// </remarks>
public partial class TableClient
{
    private const string ResourceNotFound = "ResourceNotFound";

    private readonly StoragePipeline _pipeline;
    private readonly string _serviceUrl;
    private readonly Uri _tableUri;

    /// <summary>Creates a client for <paramref name="tableName"/> in <paramref name="account"/>.</summary>
    /// <param name="account">The storage account: endpoint and credential.</param>
    /// <param name="tableName">The table's name.</param>
    /// <param name="options">Retries, transport, diagnostics and the service version.</param>
    /// <exception cref="ArgumentException">The table name is empty.</exception>
    public TableClient(StorageAccount account, string tableName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _pipeline = new StoragePipeline(account, options, table: true);
        _serviceUrl = account.TableEndpoint.AbsoluteUri.TrimEnd('/');
        _tableUri = new Uri($"{_serviceUrl}/{Uri.EscapeDataString(tableName)}");
        Name = tableName;
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected TableClient()
    {
        _pipeline = null!;
        _serviceUrl = null!;
        _tableUri = null!;
        Name = null!;
    }

    /// <summary>The table's name.</summary>
    public virtual string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204 when the table was created; the 409 <c>TableAlreadyExists</c> response when it already existed.</returns>
    /// <exception cref="RequestFailedException">Any other failure, e.g. 409 <c>TableBeingDeleted</c> shortly after a delete.</exception>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, new Uri($"{_serviceUrl}/Tables"));
        message.Request.Headers.SetValue("Prefer", TableHeaders.ReturnNoContent);
        SetJsonContent(message.Request, json =>
        {
            json.WriteStartObject();
            json.WriteString("TableName", Name);
            json.WriteEndObject();
        });
        return await SendAsync(message, 409, "TableAlreadyExists", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the table and all its entities; a table that does not exist is not an error.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204 when the table was deleted; the 404 response when there was no such table.</returns>
    /// <exception cref="RequestFailedException">The service refused the delete.</exception>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, new Uri($"{_serviceUrl}/Tables('{Uri.EscapeDataString(Name)}')"));
        return await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
    }

    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage(method, uri);
        message.Request.Headers.SetValue("Accept", TableHeaders.Accept);
        message.Request.Headers.SetValue("DataServiceVersion", TableHeaders.DataServiceVersion);
        return message;
    }

    /// <summary>
    /// Sends <paramref name="message"/>; a <paramref name="toleratedStatus"/> error is returned instead of thrown
    /// only when its code is <paramref name="toleratedErrorCode"/> (a missing entity is fine, a missing table is not).
    /// </summary>
    private async Task<Response> SendAsync(HttpMessage message, int toleratedStatus, string toleratedErrorCode, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(message, cancellationToken, toleratedStatus).ConfigureAwait(false);
        var parser = new StorageErrorParser();
        if (response.IsError && !(parser.TryParse(response, out var error, out _) && error?.Code == toleratedErrorCode))
        {
            throw new RequestFailedException(response, null, parser);
        }

        return response;
    }

    private static void SetJsonContent(Request request, Action<Utf8JsonWriter> write)
    {
        var content = new PooledRequestContent(1024);
        using (var json = new Utf8JsonWriter(content))
        {
            write(json);
        }

        request.Content = content;
        request.Headers.SetValue("Content-Type", TableHeaders.JsonContentType);
    }
}
