using System.Net.Http.Json;
using System.Text.Json;

namespace CowansSync.Functions.Tests.Import;

/// <summary>2,000 products: enough that asking Xorosoft once per item would show.</summary>
public sealed class TwoThousandProductSandbox() : ImportSandbox("flat", 2_000);

/// <summary>The import reads Xorosoft once per catalog (its paged listings), not once per item.</summary>
public sealed class ImportXorosoftTests(TwoThousandProductSandbox sandbox) : IClassFixture<TwoThousandProductSandbox>
{
    [Fact]
    public async Task Import_TwoThousandProducts_AsksXorosoftAtMostFortyTimesAndStagesExactlyTheTruth()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var before = await XorosoftRequestsAsync();

        // Act
        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);

        // Assert: the staged stock changes come from the mirror's stock, so they too must match the truth.
        var requests = await XorosoftRequestsAsync() - before;
        Assert.True(requests <= 40, $"{requests} Xorosoft requests for 2,000 products");
        await ImportAssertions.MatchTruthAsync(client, sandbox, runId, run);
    }

    private async Task<int> XorosoftRequestsAsync()
    {
        using var http = new HttpClient();
        var counters = await http.GetFromJsonAsync<JsonElement>(new Uri(sandbox.Sandbox.ControlUrl, "/counters"));
        return counters.GetProperty("xorosoft").GetProperty("requests").GetInt32();
    }
}
