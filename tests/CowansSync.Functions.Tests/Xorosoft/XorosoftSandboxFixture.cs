using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Xorosoft;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Xorosoft;

/// <summary>One sandbox for a test class: the Xorosoft simulator, its truth, Azurite and the control API.</summary>
public sealed class XorosoftSandboxFixture : IAsyncLifetime
{
    private SandboxServer? _sandbox;

    public SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("Not started.");

    public JsonElement Truth { get; private set; }

    public StorageClients Storage { get; private set; } = null!;

    public HttpClient Control { get; } = new();

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(products: 60);
        Control.BaseAddress = Sandbox.ControlUrl;
        Truth = await Control.GetFromJsonAsync<JsonElement>("/truth");
        Storage = StorageClients.FromConnectionString(Sandbox.Value("storage", "connection_string"));
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    public XorosoftOptions Options(string? secret = null) => new()
    {
        BaseUrl = Sandbox.Value("xorosoft", "base_url"),
        ApiKey = Sandbox.Value("xorosoft", "api_key"),
        ApiSecret = secret ?? Sandbox.Value("xorosoft", "api_secret"),
    };

    public XorosoftClient CreateClient(string? secret = null) => new(
        new HttpClient(),
        Options(secret),
        XorosoftResilience.Create(TimeProvider.System, baseDelay: TimeSpan.FromMilliseconds(50), maxRetryAttempts: 10),
        NullLogger<XorosoftClient>.Instance);

    public XorosoftMirror CreateMirror(XorosoftClient client, string tableName, TimeProvider? time = null) =>
        new(client, Storage, time ?? TimeProvider.System, NullLogger<XorosoftMirror>.Instance, "MAIN", tableName);

    /// <summary>The truth's SKUs of a partition (in_all, new_in_etilize, shopify_only, unknown_to_xorosoft).</summary>
    public IReadOnlyList<string> SkusOf(string partition) =>
        [.. Truth.GetProperty("skus").EnumerateObject().Where(sku => sku.Value.GetProperty("partition").GetString() == partition).Select(sku => sku.Name)];

    public JsonElement TruthOf(string sku) => Truth.GetProperty("skus").GetProperty(sku);

    public int Count(string partition) => Truth.GetProperty("counts").TryGetProperty(partition, out var count) ? count.GetInt32() : 0;

    public async Task<JsonElement> XorosoftCountersAsync() => (await Control.GetFromJsonAsync<JsonElement>("/counters")).GetProperty("xorosoft");

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Control.PutAsJsonAsync("/faults/xorosoft", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> AddEtilizeDropAsync(int day)
    {
        using var response = await Control.PostAsJsonAsync("/etilize/drops", new { day });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task ResetAsync()
    {
        using var response = await Control.PostAsync("/reset", null);
        response.EnsureSuccessStatusCode();
    }
}
