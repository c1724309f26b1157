using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Reads the service's error code into <see cref="RequestFailedException.ErrorCode"/>: from the
/// <c>x-ms-error-code</c> header, the XML <c>&lt;Error&gt;</c> body (Blob, Queue) or the OData JSON body (Table).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        // A streamed download's error body is not buffered; its x-ms-error-code header still names the error.
        var body = response.ContentStream is MemoryStream ? response.Content.ToString() : null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                (code, message) = body.TrimStart().StartsWith('<') ? FromXml(body, code) : FromJson(body, code);
            }
            catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
            {
                // A body that is neither XML nor JSON (a proxy's HTML page, say) keeps the header's code.
            }
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }

    private static (string? Code, string? Message) FromXml(string body, string? code)
    {
        var root = XDocument.Parse(body).Root;
        return (code ?? root?.Element("Code")?.Value, root?.Element("Message")?.Value);
    }

    private static (string? Code, string? Message) FromJson(string body, string? code)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("odata.error", out var odataError))
        {
            return (code ?? odataError.GetProperty("code").GetString(),
                odataError.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m.GetProperty("value").GetString() : null);
        }

        return (code, null);
    }
}
