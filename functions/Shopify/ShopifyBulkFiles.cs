using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Timeout;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The files around a bulk mutation: the JSONL of variables (stagedUploadsCreate, then a multipart POST of every
/// signed parameter and the file) and the JSONL result (a signed URL). 5xx and connection failures are retried by
/// the Admin API's pipeline: re-uploading to the same key replaces the file, and downloads only read.
/// </summary>
internal sealed class ShopifyBulkFiles(ShopifyGraphQLClient client, HttpClient http, TimeProvider timeProvider)
{
    private const string FileName = "push.jsonl";
    private const string MimeType = "text/jsonl";
    private static readonly ShopifyDocument s_stageUpload = ShopifyDocument.Load("StageUpload", estimatedCost: 10);

    private readonly ResiliencePipeline _pipeline = ShopifyResilience.Create(timeProvider);

    /// <summary>Uploads the variables and answers the <c>stagedUploadPath</c> (the signed <c>key</c> parameter).</summary>
    public async Task<string> UploadAsync(string jsonl, CancellationToken cancellationToken)
    {
        var input = new[] { new { resource = "BULK_MUTATION_VARIABLES", filename = FileName, mimeType = MimeType, httpMethod = "POST" } };
        var payload = (await client.ExecuteAsync<StageUploadData>(s_stageUpload, new { input }, cancellationToken).ConfigureAwait(false)).StagedUploadsCreate;
        var refusal = payload.UserErrors is [var error, ..] ? error.Message : null;
        if (refusal is not null || payload.StagedTargets is not [var target, ..])
        {
            throw new ShopifyBulkOperationException($"Shopify refused a staged upload for the bulk variables: {refusal ?? "no target"}.");
        }

        var key = target.Parameters.FirstOrDefault(parameter => parameter.Name == "key")?.Value
            ?? throw new ShopifyBulkOperationException("Shopify's staged upload target has no key parameter.");
        var bytes = Encoding.UTF8.GetBytes(jsonl);
        await RetriedAsync(
            async token =>
            {
                using var form = new MultipartFormDataContent();
                foreach (var parameter in target.Parameters)
                {
                    form.Add(Part(new StringContent(parameter.Value), parameter.Name, fileName: null));
                }

                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(MimeType);
                // The file goes last: signed-policy uploads ignore fields after it.
                form.Add(Part(file, "file", FileName));
                using var response = await http.PostAsync(target.Url, form, token).ConfigureAwait(false);
                ThrowIfFailed(response, "Uploading the bulk variables");
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The lines of a result file.</summary>
    public async Task<IReadOnlyList<string>> DownloadLinesAsync(Uri url, CancellationToken cancellationToken) => await RetriedAsync(
        async token =>
        {
            using var response = await http.GetAsync(url, token).ConfigureAwait(false);
            ThrowIfFailed(response, "Downloading the bulk result");
            var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return (IReadOnlyList<string>)text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        },
        cancellationToken).ConfigureAwait(false);

    private async Task<T> RetriedAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ShopifyTransientException or HttpRequestException or TimeoutRejectedException)
        {
            throw new ShopifyBulkOperationException($"A bulk file transfer still failed after retries: {exception.Message}", exception);
        }
    }

    // Quoted names, as browsers send them: .NET leaves plain tokens unquoted, which some form parsers do not read.
    private static HttpContent Part(HttpContent content, string name, string? fileName)
    {
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{name}\"",
            FileName = fileName is null ? null : $"\"{fileName}\"",
        };
        return content;
    }

    private static void ThrowIfFailed(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        if (status >= 500 || status == 429)
        {
            throw new ShopifyTransientException($"{what} failed: HTTP {status}", status);
        }

        if (!response.IsSuccessStatusCode)
        {
            // Signed URLs: name the host only.
            throw new ShopifyBulkOperationException($"{what} failed at {response.RequestMessage?.RequestUri?.Host}: HTTP {status}.");
        }
    }
}
