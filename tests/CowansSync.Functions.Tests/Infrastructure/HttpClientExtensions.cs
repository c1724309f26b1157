using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>Requests with an API key, and JSON bodies read as <see cref="JsonElement"/>.</summary>
public static class HttpClientExtensions
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Creates a key with the bootstrap key and returns it.</summary>
    public static async Task<(string KeyId, string Key)> CreateKeyAsync(this HttpClient client, string name, string role)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/admin/keys", FunctionAppFactory.BootstrapKey, new { name, role });
        response.EnsureSuccessStatusCode();
        var created = await response.ReadJsonAsync();
        return (created.GetProperty("key_id").GetString()!, created.GetProperty("key").GetString()!);
    }
}
