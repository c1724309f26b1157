using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>One sandbox for a test class: the Etilize FTP server and its folder, Azurite and the control API.</summary>
public sealed class EtilizeFtpFixture : IAsyncLifetime
{
    public const string GeneratedFile = "cowans_etilize_20261101.zip";

    private SandboxServer? _sandbox;

    public SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("Not started.");

    public StorageClients Storage { get; private set; } = null!;

    public HttpClient Control { get; } = new();

    /// <summary>The local folder the FTP server serves as the Etilize directory.</summary>
    public string Folder => Sandbox.EtilizeFolder;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(products: 20);
        Control.BaseAddress = Sandbox.ControlUrl;
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

    public EtilizeOptions Options(string? password = null) => new()
    {
        Host = Sandbox.Value("ftp", "host"),
        Port = int.Parse(Sandbox.Value("ftp", "port"), System.Globalization.CultureInfo.InvariantCulture),
        User = Sandbox.Value("ftp", "user"),
        Password = password ?? Sandbox.Value("ftp", "password"),
        Directory = Sandbox.Value("ftp", "directory"),
        FilePattern = "cowans_etilize_*.zip",
    };

    public EtilizeFtpClient CreateClient(string? password = null, int maxRetryAttempts = 8) =>
        new(Options(password), EtilizeFtpResilience.Create(TimeProvider.System, baseDelay: TimeSpan.FromMilliseconds(100), maxRetryAttempts));

    /// <summary>A fetcher on its own table and container, so tests do not see each other's records.</summary>
    public (EtilizeDropFetcher Fetcher, string Container) CreateFetcher(EtilizeFtpClient? client = null)
    {
        var container = AzuriteServer.UniqueName("drops");
        var store = new EtilizeDropStore(Storage, TimeProvider.System, AzuriteServer.UniqueName("etzfiles"));
        var fetcher = new EtilizeDropFetcher(client ?? CreateClient(), store, Storage, new EtilizeFilePattern(Options().FilePattern), NullLogger<EtilizeDropFetcher>.Instance, container);
        return (fetcher, container);
    }

    public async Task<JsonElement> FtpCountersAsync() => (await Control.GetFromJsonAsync<JsonElement>("/counters")).GetProperty("ftp");

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Control.PutAsJsonAsync("/faults/ftp", faults);
        response.EnsureSuccessStatusCode();
    }
}
