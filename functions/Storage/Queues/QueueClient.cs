using System.Globalization;
using System.Security;
using System.Text;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Queues;

/// <summary>
/// One storage queue: create and delete it, send, receive, peek, update and delete messages, shaped like
/// Azure.Storage.Queues' <c>QueueClient</c> (which cannot be restored here).
/// </summary>
/// <remarks>
/// Requests go through <see cref="StoragePipeline"/>: Azure.Core retries them, they are signed with SharedKey or
/// carry a bearer token, and failures become <see cref="RequestFailedException"/> with the service's error code.
/// Instances are thread-safe; keep one per queue.
/// </remarks>
public class QueueClient
{
    /// <summary>The largest message the service accepts, as it travels (after encoding).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StoragePipeline _pipeline;
    private readonly Uri _queueUri;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates a client for <paramref name="queueName"/> in <paramref name="account"/>.</summary>
    /// <param name="account">The storage account: endpoint and credential.</param>
    /// <param name="queueName">The queue's name (lower-case letters, digits and dashes).</param>
    /// <param name="options">Retries, transport, diagnostics and the service version.</param>
    /// <param name="encoding">How message text travels; base64 by default, as the Functions queue trigger expects.</param>
    /// <exception cref="ArgumentException">The queue name is empty.</exception>
    public QueueClient(StorageAccount account, string queueName, StorageClientOptions? options = null, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        _pipeline = new StoragePipeline(account, options, table: false);
        _queueUri = new Uri($"{account.QueueEndpoint.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(queueName)}");
        _encoding = encoding;
        Name = queueName;
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected QueueClient()
    {
        _pipeline = null!;
        _queueUri = null!;
        Name = null!;
    }

    /// <summary>The queue's name.</summary>
    public virtual string Name { get; }

    /// <summary>Creates the queue unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>201 when created, 204 when it already existed.</returns>
    /// <exception cref="RequestFailedException">The service refused, e.g. 409 <c>QueueBeingDeleted</c>.</exception>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, _queueUri);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the queue and its messages; a queue that does not exist is not an error.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when a queue was deleted.</returns>
    /// <exception cref="RequestFailedException">The service refused the delete.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, _queueUri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return Response.FromValue(!response.IsError, response);
    }

    /// <summary>Adds a message to the queue.</summary>
    /// <param name="messageText">The text; encoded as the client's <see cref="QueueMessageEncoding"/> says.</param>
    /// <param name="visibilityTimeout">How long the message stays invisible first (a delayed message, up to 7 days).</param>
    /// <param name="timeToLive">How long the message lives; <see cref="TimeSpan.MaxValue"/> for ever; 7 days by default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="ArgumentException">The encoded message is larger than <see cref="MaxMessageBytes"/>.</exception>
    /// <exception cref="RequestFailedException">The service refused the message.</exception>
    public virtual async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var query = new List<string>();
        if (visibilityTimeout is { } delay)
        {
            query.Add($"visibilitytimeout={Seconds(delay)}");
        }

        if (timeToLive is { } ttl)
        {
            query.Add($"messagettl={(ttl == TimeSpan.MaxValue ? "-1" : Seconds(ttl))}");
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Post, MessagesUri(null, query));
        SetMessageContent(message.Request, messageText);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var sent = QueueMessageXml.Parse(response.Content).Single();
        return Response.FromValue(
            new SendReceipt(sent.Id, sent.PopReceipt!, sent.InsertionTime, sent.ExpirationTime, sent.TimeNextVisible!.Value), response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long received messages stay hidden; 30 s by default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages; none when the queue has no visible message.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is outside 1–32.</exception>
    /// <exception cref="RequestFailedException">The service refused the request.</exception>
    public virtual async Task<Response<IReadOnlyList<QueueMessage>>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = new List<string> { $"numofmessages={maxMessages}" };
        if (visibilityTimeout is { } timeout)
        {
            query.Add($"visibilitytimeout={Seconds(timeout)}");
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesUri(null, query));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<QueueMessage> messages = QueueMessageXml.Parse(response.Content)
            .Select(m => new QueueMessage(m.Id, m.PopReceipt!, m.DequeueCount, m.InsertionTime, m.ExpirationTime, m.TimeNextVisible!.Value, Decode(m.Text)))
            .ToList();
        return Response.FromValue(messages, response);
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> visible messages without receiving them.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is outside 1–32.</exception>
    /// <exception cref="RequestFailedException">The service refused the request.</exception>
    public virtual async Task<Response<IReadOnlyList<PeekedMessage>>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesUri(null, ["peekonly=true", $"numofmessages={maxMessages}"]));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PeekedMessage> messages = QueueMessageXml.Parse(response.Content)
            .Select(m => new PeekedMessage(m.Id, m.DequeueCount, m.InsertionTime, m.ExpirationTime, Decode(m.Text)))
            .ToList();
        return Response.FromValue(messages, response);
    }

    /// <summary>Deletes a received message.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The receipt of the latest receive or update.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response.</returns>
    /// <exception cref="RequestFailedException">404 when the message is gone or the receipt is stale.</exception>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessagesUri(messageId, [$"popreceipt={Uri.EscapeDataString(popReceipt)}"]));
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes how long a received message stays hidden, and optionally its text.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The receipt of the latest receive or update.</param>
    /// <param name="visibilityTimeout">From now, how long the message stays hidden (0 makes it visible at once).</param>
    /// <param name="messageText">The new text; unchanged when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new receipt and visibility time.</returns>
    /// <exception cref="RequestFailedException">404 when the message is gone or the receipt is stale.</exception>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Put,
            MessagesUri(messageId, [$"popreceipt={Uri.EscapeDataString(popReceipt)}", $"visibilitytimeout={Seconds(visibilityTimeout)}"]));
        if (messageText is not null)
        {
            SetMessageContent(message.Request, messageText);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return Response.FromValue(new UpdateReceipt(newReceipt!, QueueMessageXml.ParseTime(nextVisible!)), response);
    }

    /// <summary>Reads the approximate message count and the metadata.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    /// <exception cref="RequestFailedException">404 when the queue does not exist.</exception>
    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri($"{_queueUri}?comp=metadata"));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count);
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return Response.FromValue(new QueueProperties(int.Parse(count ?? "0", CultureInfo.InvariantCulture), metadata), response);
    }

    private Uri MessagesUri(string? messageId, IEnumerable<string> query)
    {
        var path = messageId is null ? $"{_queueUri}/messages" : $"{_queueUri}/messages/{Uri.EscapeDataString(messageId)}";
        var joined = string.Join('&', query);
        return new Uri(joined.Length == 0 ? path : $"{path}?{joined}");
    }

    private void SetMessageContent(Request request, string messageText)
    {
        var wireText = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) : messageText;
        var wireBytes = Encoding.UTF8.GetByteCount(wireText);
        if (wireBytes > MaxMessageBytes)
        {
            throw new ArgumentException($"The message is {wireBytes} bytes once encoded; a queue message holds at most {MaxMessageBytes}. Put large payloads in a blob and send a reference.", nameof(messageText));
        }

        var body = $"<QueueMessage><MessageText>{SecurityElement.Escape(wireText)}</MessageText></QueueMessage>";
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
    }

    /// <summary>Base64 text decodes to UTF-8; anything else (put there by another tool) comes back raw, so a poller can poison it.</summary>
    private string Decode(string wireText)
    {
        if (_encoding == QueueMessageEncoding.None)
        {
            return wireText;
        }

        var buffer = new byte[wireText.Length];
        return Convert.TryFromBase64String(wireText, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : wireText;
    }

    private static string Seconds(TimeSpan duration) =>
        ((long)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
