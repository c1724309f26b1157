using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Push;

/// <summary>Drives pushes and reads the sandbox store, as an approver and a merchant would.</summary>
internal static class PushClient
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    /// <summary>Imports the sandbox's file on a freshly reset sandbox and waits for the run to stop moving.</summary>
    public static async Task<(string RunId, List<JsonElement> Staged)> ImportAsync(HttpClient client, ImportSandbox sandbox)
    {
        await sandbox.ResetAsync();
        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);
        Assert.Equal("awaiting_approval", run.GetProperty("status").GetString());
        return (runId, await ImportClient.StagedAsync(client, runId));
    }

    public static async Task<string> StartAsync(HttpClient client, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/sync/shopify/push", Key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.ReadJsonAsync();
        Assert.Equal(started.GetProperty("batch_id").GetString(), started.GetProperty("run_id").GetString());
        return started.GetProperty("run_id").GetString()!;
    }

    /// <summary>Polls a run until it exists and has finished.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string runId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", Key);
            var run = await response.ReadJsonAsync();

            // A run an event starts exists once its step has run.
            if (response.StatusCode != HttpStatusCode.NotFound && run.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "failed" or "cancelled")
            {
                return run;
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    public static async Task DecideAsync(HttpClient client, string changeId, bool approve)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{changeId}/{(approve ? "approve" : "reject")}", Key,
            approve ? new { notes = "checked" } : new { reason = "not wanted" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ChangeAsync(HttpClient client, string changeId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/sync/staged/{changeId}", Key);
        return await response.ReadJsonAsync();
    }

    /// <summary>The store's product (REST-shaped, from the sandbox control API), or <see langword="null"/> when absent.</summary>
    public static async Task<JsonElement?> StoreProductAsync(ImportSandbox sandbox, string sku)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(sandbox.Sandbox.ControlUrl, $"/shopify/products/{Uri.EscapeDataString(sku)}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The store's product, which must exist.</summary>
    public static async Task<JsonElement> StoreAsync(ImportSandbox sandbox, string sku)
        => await StoreProductAsync(sandbox, sku) ?? throw new Xunit.Sdk.XunitException($"The store has no product {sku}.");

    public static async Task MerchantEditAsync(ImportSandbox sandbox, string sku, object edit)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(new Uri(sandbox.Sandbox.ControlUrl, $"/shopify/products/{Uri.EscapeDataString(sku)}/edit"), edit)).EnsureSuccessStatusCode();
    }

    public static async Task<JsonElement> CountersAsync(ImportSandbox sandbox)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonElement>(new Uri(sandbox.Sandbox.ControlUrl, "/counters"))).GetProperty("shopify");
    }

    public static async Task SetFaultsAsync(ImportSandbox sandbox, object faults)
    {
        using var http = new HttpClient();
        (await http.PutAsJsonAsync(new Uri(sandbox.Sandbox.ControlUrl, "/faults/shopify"), faults)).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The store's value of a staged field, in the form the staged JSON gives it (numbers as decimals), or
    /// <see langword="null"/> for a field this comparison does not cover.
    /// </summary>
    public static string? StoreValue(JsonElement product, string field)
    {
        var variant = product.GetProperty("variants")[0];
        return field switch
        {
            "title" => product.GetProperty("title").GetString(),
            "description_html" => product.GetProperty("body_html").GetString(),
            "manufacturer" => product.GetProperty("vendor").GetString(),
            "price" => Number(variant.GetProperty("price")),
            "upc" => variant.GetProperty("barcode").GetString(),
            "inventory_quantity" => Number(variant.GetProperty("inventory_quantity")),
            _ => null,
        };
    }

    /// <summary>A staged value in the same form as <see cref="StoreValue"/>.</summary>
    public static string? StagedValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Number(value),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    private static string Number(JsonElement value)
        => (value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal())
            .ToString("0.####", CultureInfo.InvariantCulture);
}
