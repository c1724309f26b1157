using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CowansSync.Functions.Storage;

/// <summary>
/// The HTTP pipeline one storage client sends through: Azure.Core's retries, then per try the version and
/// date headers and the signature (SharedKey for Blob/Queue, SharedKeyLite for Table) or a bearer token.
/// </summary>
internal sealed class StoragePipeline
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageAccount account, StorageClientOptions? options, bool table)
    {
        options ??= new StorageClientOptions();
        HttpPipelinePolicy authentication = account switch
        {
            { SharedKey: { } key } when table => new TableSharedKeyLitePolicy(key),
            { SharedKey: { } key } => new SharedKeyPolicy(key),
            { TokenCredential: { } credential } => new BearerTokenAuthenticationPolicy(credential, StorageScope),
            _ => throw new ArgumentException("The storage account has neither a shared key nor a token credential.", nameof(account)),
        };

        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = new StorageErrorParser(),
        };
        pipelineOptions.PerRetryPolicies.Add(new StorageHeadersPolicy(options.Version, options.TimeProvider));
        pipelineOptions.PerRetryPolicies.Add(authentication);
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> on an error status not in <paramref name="tolerated"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] tolerated)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError && !tolerated.Contains(response.Status))
        {
            throw new RequestFailedException(response);
        }

        return response;
    }
}
