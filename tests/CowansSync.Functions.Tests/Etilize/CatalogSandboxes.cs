using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>Two sandboxes of the same 200-product catalog, one serving each Etilize layout, started together once.</summary>
public sealed class CatalogSandboxes : IAsyncLifetime
{
    private const string ZipName = "cowans_etilize_20261101.zip";

    private SandboxServer? _flat;
    private SandboxServer? _enhanced;

    /// <summary>The sandbox for a layout, <c>flat</c> or <c>enhanced</c>.</summary>
    public SandboxServer For(string layout) => (layout == "flat" ? _flat : _enhanced) ?? throw new InvalidOperationException("The sandboxes are not started.");

    /// <summary>The layout's Etilize ZIP, as the sandbox's FTP server serves it.</summary>
    public FileStream OpenZip(string layout) => File.OpenRead(Path.Combine(For(layout).EtilizeFolder, ZipName));

    /// <summary>The truth of the layout's sandbox (<c>GET /truth</c>).</summary>
    public async Task<JsonElement> TruthAsync(string layout)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(For(layout).ControlUrl, "/truth"));
    }

    /// <summary>The product the sandbox's Shopify store holds for <paramref name="sku"/>, REST-shaped.</summary>
    public async Task<JsonElement> ShopifyProductAsync(HttpClient http, string layout, string sku)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await http.GetFromJsonAsync<JsonElement>(new Uri(For(layout).ControlUrl, $"/shopify/products/{Uri.EscapeDataString(sku)}"));
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var flat = SandboxServer.StartAsync(products: 200, layout: "flat");
        var enhanced = SandboxServer.StartAsync(products: 200, layout: "enhanced");
        _flat = await flat;
        _enhanced = await enhanced;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_flat is not null)
        {
            await _flat.DisposeAsync();
        }

        if (_enhanced is not null)
        {
            await _enhanced.DisposeAsync();
        }
    }
}
