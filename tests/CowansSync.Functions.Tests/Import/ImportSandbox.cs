using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Import;

/// <summary>
/// A sandbox (its own Azurite, FTP, Shopify and Xorosoft) and app settings pointing at it, for end-to-end imports.
/// Each test class gets its own.
/// </summary>
public abstract class ImportSandbox(string layout, int products) : IAsyncLifetime
{
    /// <summary>The file the sandbox serves.</summary>
    public const string FileName = "cowans_etilize_20261101.zip";

    private SandboxServer? _sandbox;

    /// <summary>The running sandbox.</summary>
    public SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(products, layout: layout);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    /// <summary>
    /// The app's settings, as <c>./run.sh</c> would set them, with a task hub of its own so no earlier test's
    /// orchestrations run in it.
    /// </summary>
    /// <returns>The settings.</returns>
    public Dictionary<string, string?> Settings()
    {
        var settings = Sandbox.AppSettings();
        settings["Auth:BootstrapAdminKey"] = FunctionAppFactory.BootstrapKey;
        settings["Durable:HubName"] = FunctionAppFactory.UniqueHubName();
        return settings;
    }

    /// <summary>The app on this sandbox.</summary>
    /// <param name="services">Test doubles (fault injection only).</param>
    /// <param name="settings">Settings to add or override.</param>
    /// <returns>The app.</returns>
    public FunctionAppFactory CreateApp(Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var appRoot = TestAppRoot.Create();
        var all = Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new FunctionAppFactory(appRoot, all, services);
    }

    /// <summary>Puts the sandbox's systems back as they started (the store's products and clock included; storage keeps what the app wrote).</summary>
    /// <returns>A task that completes when the sandbox is reset.</returns>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(Sandbox.ControlUrl, "/reset"), null)).EnsureSuccessStatusCode();
    }

    /// <summary>The generator's truth: per SKU its partition, planted difference and each system's values.</summary>
    /// <returns>The truth JSON.</returns>
    public async Task<JsonElement> TruthAsync()
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(Sandbox.ControlUrl, "/truth"));
    }
}

/// <summary>500 products in the flat layout.</summary>
public sealed class FlatImportSandbox() : ImportSandbox("flat", 500);

/// <summary>500 products in the Enhanced Content layout.</summary>
public sealed class EnhancedImportSandbox() : ImportSandbox("enhanced", 500);
