using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>One sandbox (200 products) per test class, with one client for it, so its cost bucket stays current.</summary>
public sealed class ShopifySandboxFixture : IAsyncLifetime
{
    private readonly int _products;
    private SandboxServer? _sandbox;

    public ShopifySandboxFixture()
        : this(products: 200)
    {
    }

    /// <summary>A sandbox with another number of products (for fixtures that wrap this one).</summary>
    internal ShopifySandboxFixture(int products) => _products = products;

    public HttpClient Control { get; } = new();

    public ShopifyGraphQLClient Client { get; private set; } = null!;

    public ShopifyOptions Options { get; private set; } = null!;

    public string ClientSecret { get; private set; } = null!;

    /// <summary>The sandbox's own Azurite.</summary>
    public string StorageConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(products: _products);
        Control.BaseAddress = new Uri(_sandbox.Ready.GetProperty("control_url").GetString()!.TrimEnd('/') + "/");
        Options = new ShopifyOptions
        {
            ShopDomain = _sandbox.Value("shopify", "shop_domain"),
            AdminBaseUrl = _sandbox.Value("shopify", "admin_base_url"),
            ApiVersion = _sandbox.Value("shopify", "api_version"),
            AccessToken = _sandbox.Value("shopify", "access_token"),
        };
        ClientSecret = _sandbox.Value("shopify", "client_secret");
        StorageConnectionString = _sandbox.Value("storage", "connection_string");
        Client = CreateClient(Options);
    }

    public static ShopifyGraphQLClient CreateClient(ShopifyOptions options) =>
        new(new HttpClient(), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<ShopifyGraphQLClient>.Instance);

    public ShopifyCatalog CreateCatalog() => new(Client, NullLogger<ShopifyCatalog>.Instance);

    /// <summary><c>GET /truth</c>: per SKU, its partition, planted difference and what each system holds.</summary>
    public async Task<JsonElement> TruthAsync() => await Control.GetFromJsonAsync<JsonElement>("truth");

    /// <summary>The Shopify simulator's counters.</summary>
    public async Task<JsonElement> CountersAsync() => (await Control.GetFromJsonAsync<JsonElement>("counters")).GetProperty("shopify");

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Control.PutAsJsonAsync("faults/shopify", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Control.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
