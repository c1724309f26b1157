using System.Net;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Apis;

public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task CreateKey_StorageRejectsRequest_Returns500WithoutInternals()
    {
        // Arrange: storage answers, but refuses this account key (403), so the endpoint throws.
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = (await AzuriteServer.Shared).ConnectionString.Replace(
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            "d3Jvbmd3cm9uZ3dyb25nd3Jvbmd3cm9uZ3dyb25nd3Jvbmc=", StringComparison.Ordinal);
        await using var sut = new FunctionAppFactory(appRoot, settings);
        using var client = sut.CreateClient();

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, "/api/admin/keys", FunctionAppFactory.BootstrapKey, new { name = "x", role = "viewer" });
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("\"error\":\"An unexpected error occurred.\"", text, StringComparison.Ordinal);
        Assert.Contains("\"trace_id\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestFailedException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }
}
