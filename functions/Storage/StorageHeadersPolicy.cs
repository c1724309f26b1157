using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Stamps every try with <c>x-ms-version</c> and a fresh <c>x-ms-date</c>; runs per retry, before signing,
/// because a retried request must carry a new date for its signature to be accepted.
/// </summary>
internal sealed class StorageHeadersPolicy(string version, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", version);
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
