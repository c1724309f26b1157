using System.Net;
using System.Text;
using Azure.Data.Tables;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Auth;

/// <summary>Bearer API keys end to end: 401, 403, role checks, and the admin key endpoints.</summary>
public sealed class ApiKeyAuthTests
{
    [Fact]
    public async Task ListKeys_NoAuthorizationHeader_Returns401WithErrorBody()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/admin/keys", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Authentication is required.", body.GetProperty("error").GetString());
        Assert.True(body.GetProperty("details").TryGetProperty("authorization", out _));
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("csk_0123456789abcdef_0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task ListKeys_UnknownKey_Returns401(string key)
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/admin/keys", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API key is invalid or has been revoked.", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Approver)]
    public async Task ListKeys_RoleBelowAdmin_Returns403NamingRequiredRole(string role)
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        var (_, key) = await client.CreateKeyAsync($"{role} key", role);

        using var response = await client.SendAsync(HttpMethod.Get, "/api/admin/keys", key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.Equal(Roles.Admin, details.GetProperty("required_role").GetString());
        Assert.Equal(role, details.GetProperty("role").GetString());
    }

    [Fact]
    public async Task CreateUseRevoke_AdminKey_WorksUntilRevokedThen401AndAudited()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var (keyId, key) = await client.CreateKeyAsync("ci pipeline", Roles.Admin);

        // Act
        using var listed = await client.SendAsync(HttpMethod.Get, "/api/admin/keys?per_page=200", key);
        var listBody = await listed.Content.ReadAsStringAsync();
        using var revoked = await client.SendAsync(HttpMethod.Delete, $"/api/admin/keys/{keyId}", FunctionAppFactory.BootstrapKey);
        using var afterRevoke = await client.SendAsync(HttpMethod.Get, "/api/admin/keys", key);
        using var revokedAgain = await client.SendAsync(HttpMethod.Delete, $"/api/admin/keys/{keyId}", FunctionAppFactory.BootstrapKey);

        // Assert
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains($"\"key_id\":\"{keyId}\"", listBody, StringComparison.Ordinal);
        Assert.Contains("\"total_pages\":", listBody, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listBody, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedAgain.StatusCode);
        var audit = await ReadAuditAsync(keyId);
        Assert.Equal(["api_key.created", "api_key.revoked"], audit.Select(entry => entry.GetString("Action")).Order());
        Assert.All(audit, entry => Assert.Equal("bootstrap", entry.GetString("ActorId")));
    }

    [Fact]
    public async Task CreateKey_InvalidFields_Returns400NamingEachField()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/admin/keys", FunctionAppFactory.BootstrapKey, new { name = " ", role = "boss" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.Contains("required", details.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("viewer, operator, approver, admin", details.GetProperty("role").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_MalformedJson_Returns400WithErrorBody()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/keys")
        {
            Content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", FunctionAppFactory.BootstrapKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request is malformed.", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ListKeys_BadPaging_Returns400NamingParameter()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/admin/keys?page=0&per_page=500", FunctionAppFactory.BootstrapKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.True(details.TryGetProperty("page", out _));
        Assert.True(details.TryGetProperty("per_page", out _));
    }

    [Fact]
    public async Task UnknownApiRoute_Authenticated_Returns404WithErrorBody()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/no-such-route", FunctionAppFactory.BootstrapKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found.", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    private static async Task<FunctionAppFactory> CreateSutAsync()
    {
        var appRoot = TestAppRoot.Create();
        return new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
    }

    private static async Task<List<TableEntity>> ReadAuditAsync(string keyId)
    {
        var table = StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString).GetTableClient(AuditLog.TableName);
        var entries = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Target eq {keyId}")))
        {
            entries.Add(entity);
        }

        return entries;
    }
}
