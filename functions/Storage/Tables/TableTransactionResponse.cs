using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>Reads the <c>multipart/mixed</c> answer to an entity group transaction into one response per part.</summary>
/// <remarks>
/// On success there is one part per action, in order. On failure the service stops at the first failing
/// action and answers with that single part, whose OData error message starts with the action's
/// zero-based index (<c>"3:The specified entity already exists…"</c>).
/// </remarks>
internal static class TableTransactionResponse
{
    public static IReadOnlyList<TableTransactionPartResponse> ReadParts(Response batch)
    {
        var text = batch.Content.ToString();
        // The changeset's boundary is declared inside the body; a batch-level error may have no changeset.
        var boundary = Boundary(text)
            ?? (batch.Headers.ContentType is { } contentType ? Boundary(contentType) : null)
            ?? throw new RequestFailedException(batch.Status, "The transaction response is not multipart: it declares no boundary.");

        return text.Split("--" + boundary, StringSplitOptions.None)
            .Select(ReadPart)
            .OfType<TableTransactionPartResponse>()
            .ToList();
    }

    /// <summary>The action index a failed part's error message starts with, if it does.</summary>
    public static int? FailedActionIndex(Response failedPart)
    {
        var message = new StorageErrorParser().TryParse(failedPart, out var error, out _) ? error?.Message : null;
        var colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    private static string? Boundary(string text)
    {
        var start = text.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += "boundary=".Length;
        var end = text.AsSpan(start).IndexOfAny("\r\n;\" ");
        return end < 0 ? text[start..] : text.Substring(start, end);
    }

    private static TableTransactionPartResponse? ReadPart(string part)
    {
        // A part is MIME headers, a blank line, then an embedded HTTP response: status line, headers, blank line, body.
        var statusLine = part.IndexOf("HTTP/1.1 ", StringComparison.Ordinal);
        if (statusLine < 0)
        {
            return null;
        }

        using var reader = new StringReader(part[statusLine..]);
        var status = reader.ReadLine()!.Split(' ', 3);
        var headers = new List<HttpHeader>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new HttpHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var body = reader.ReadToEnd().Trim();
        return new TableTransactionPartResponse(
            int.Parse(status[1], CultureInfo.InvariantCulture),
            status.Length > 2 ? status[2] : string.Empty,
            headers,
            Encoding.UTF8.GetBytes(body));
    }
}
