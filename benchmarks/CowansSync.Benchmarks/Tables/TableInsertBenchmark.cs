using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Tables;

/// <summary>
/// Inserts many catalog-shaped entities with Azure.Data.Tables' <see cref="TableClient.SubmitTransactionAsync"/>,
/// 100 per transaction and partition, and reports two rates: the client alone (a transport that answers at once, so
/// only validation, serialization and response parsing are timed) and end to end against a fresh Azurite.
/// </summary>
/// <remarks>
/// Wall-clock timing of an I/O path, not a BenchmarkDotNet micro-benchmark: the question is whether the
/// client keeps up with the service, and a linear client shows a flat per-batch cost as counts grow.
/// One <see cref="TableClient"/> serves every transaction, as in the app.
/// </remarks>
internal static class TableInsertBenchmark
{
    private const int BatchSize = 100;

    public static async Task<int> RunAsync(int entityCount, int parallelism, TextWriter output)
    {
        var clientOnly = new TableClient(
            new Uri("http://127.0.0.1:10002/devstoreaccount1"),
            "benchmark",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(new AcceptingHandler())) });
        Report(output, "SDK client only (no I/O)", entityCount, await TimeAsync(clientOnly, Batches(entityCount), parallelism));

        var azurite = await AzuriteServer.Shared;
        var azuriteClient = new TableClient(azurite.ConnectionString, AzuriteServer.UniqueName("bench"));
        await azuriteClient.CreateIfNotExistsAsync();
        Report(output, $"SDK Azurite, {parallelism} in flight", entityCount, await TimeAsync(azuriteClient, Batches(entityCount), parallelism));

        var stored = await azuriteClient.QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync();
        output.WriteLine($"read back {stored:N0} of {entityCount:N0} entities");
        return stored == entityCount ? 0 : 1;
    }

    /// <summary>Inserts <paramref name="entityCount"/> catalog-shaped entities, 100 per transaction: the floor of staging as many rows.</summary>
    /// <param name="client">The table, which exists.</param>
    /// <param name="entityCount">How many entities.</param>
    /// <param name="parallelism">Transactions in flight.</param>
    /// <returns>The time taken.</returns>
    public static Task<TimeSpan> InsertAsync(TableClient client, int entityCount, int parallelism) => TimeAsync(client, Batches(entityCount), parallelism);

    private static async Task<TimeSpan> TimeAsync(TableClient client, List<TableTransactionAction[]> batches, int parallelism)
    {
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (batch, cancellationToken) => await client.SubmitTransactionAsync(batch, cancellationToken));
        return stopwatch.Elapsed;
    }

    // One partition per 100 entities, shaped like a catalog row: strings, a price, stock as Int64, dates, an id.
    private static List<TableTransactionAction[]> Batches(int entityCount) =>
        Enumerable.Range(0, entityCount)
            .Select(i => new TableEntity($"brand-{i / BatchSize:D5}", $"sku-{i:D7}")
            {
                ["Title"] = $"Product {i} with a reasonably long catalog title",
                ["Description"] = new string('d', 400),
                ["Price"] = 19.99 + i,
                ["Stock"] = (long)i * 1_000_003,
                ["Active"] = i % 2 == 0,
                ["UpdatedAt"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
                ["ShopifyId"] = Guid.NewGuid(),
            })
            .Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity))
            .Chunk(BatchSize)
            .ToList();

    private static void Report(TextWriter output, string label, int entityCount, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-30} {entityCount:N0} entities in {elapsed.TotalSeconds:F2} s = {entityCount / elapsed.TotalSeconds:N0} entities/s, {elapsed.TotalMilliseconds * BatchSize / entityCount:F2} ms per batch"));

    /// <summary>Reads each request body (so it is serialized) and answers with a 100-part success.</summary>
    private sealed class AcceptingHandler : HttpMessageHandler
    {
        private static readonly string ResponseBody = BuildResponse();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            var content = new StringContent(ResponseBody, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batchresponse_a");
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = content };
        }

        private static string BuildResponse()
        {
            var part = "--changesetresponse_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
                "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\"\r\n\r\n\r\n";
            return "--batchresponse_a\r\nContent-Type: multipart/mixed; boundary=changesetresponse_b\r\n\r\n" +
                string.Concat(Enumerable.Repeat(part, BatchSize)) +
                "--changesetresponse_b--\r\n--batchresponse_a--\r\n";
        }
    }
}
