using System.Text;
using System.Text.Json;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// The <c>multipart/mixed</c> body of an entity group transaction: one batch holding one changeset with a
/// complete HTTP request per action.
/// </summary>
/// <remarks>
/// Everything is written once into one pooled buffer (headers as UTF-8, entities straight from
/// <see cref="Utf8JsonWriter"/>), so the cost is linear in the body size and no large object is allocated.
/// Sub-request URLs are absolute and each entity is one line of JSON: the service accepts both, and
/// Azurite's parser requires them.
/// </remarks>
internal static class TableTransactionContent
{
    public static RequestContent Create(Uri tableUri, IReadOnlyList<TableTransactionAction> actions, string batchBoundary)
    {
        var changesetBoundary = $"changeset_{Guid.NewGuid():D}";
        var buffer = new PooledRequestContent(1024 + (actions.Count * 1024));
        using var json = new Utf8JsonWriter(buffer);

        Append(buffer, $"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        foreach (var action in actions)
        {
            Append(buffer, $"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            Append(buffer, $"{action.Method} {action.RequestUri(tableUri).AbsoluteUri} HTTP/1.1\r\n");
            Append(buffer, $"Accept: {TableHeaders.Accept}\r\nDataServiceVersion: {TableHeaders.DataServiceVersion}\r\n");
            if (action.IfMatch is { } ifMatch)
            {
                Append(buffer, $"If-Match: {ifMatch}\r\n");
            }

            if (action.HasBody)
            {
                Append(buffer, $"Content-Type: {TableHeaders.JsonContentType}\r\nPrefer: {TableHeaders.ReturnNoContent}\r\n\r\n");
                TableEntityJson.Write(json, action.Entity);
                json.Flush();
                json.Reset();
            }

            Append(buffer, "\r\n");
        }

        Append(buffer, $"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        return buffer;
    }

    private static void Append(PooledRequestContent buffer, string text) => Encoding.UTF8.GetBytes(text, buffer);
}
