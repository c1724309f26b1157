using Azure.Core;
using Azure.Core.Pipeline;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Signs Table requests with SharedKeyLite, the scheme Azure.Data.Tables uses: the date and the resource
/// (with only the <c>comp</c> parameter of the query). Must be the last per-retry policy.
/// </summary>
internal sealed class TableSharedKeyLitePolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue("x-ms-date", out var date);
        var uri = request.Uri.ToUri();
        var resource = $"/{credential.AccountName}{uri.AbsolutePath}";
        var comp = StorageQuery.Parse(uri.Query).FirstOrDefault(p => p.Name.Equals("comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null)
        {
            resource += "?comp=" + comp.Value;
        }

        request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{credential.ComputeSignature($"{date}\n{resource}")}");
    }
}
