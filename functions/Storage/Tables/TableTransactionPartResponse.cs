using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>The response to one action of a transaction, cut out of the multipart batch response.</summary>
internal sealed class TableTransactionPartResponse(int status, string reasonPhrase, IReadOnlyList<HttpHeader> headers, byte[] body)
    : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override bool IsError => status >= 400;

    // A MemoryStream, because Response.Content only exposes buffered content.
    public override Stream? ContentStream { get; set; } = new MemoryStream(body, writable: false);

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => Find(name) is not null;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = Find(name);
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = Find(name) is { } value ? [value] : null;
        return values is not null;
    }

    // A missing header finds default(HttpHeader), whose Value is null.
    private string? Find(string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
