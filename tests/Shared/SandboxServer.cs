using System.Diagnostics;
using System.Text.Json;

namespace CowansSync.Testing;

/// <summary>
/// The Node.js sandbox (<c>tests/sandbox/start.js</c>): Azurite, the Etilize FTP server, the Shopify and
/// Xorosoft simulators and the control API, started as a child process; its ready line is <see cref="Ready"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxServer(Process process, JsonElement ready)
    {
        _process = process;
        Ready = ready;
    }

    /// <summary>The sandbox's ready line: <c>storage</c>, <c>ftp</c>, <c>shopify</c>, <c>xorosoft</c>, <c>control_url</c>.</summary>
    public JsonElement Ready { get; }

    /// <summary>Starts the sandbox and waits for its ready line.</summary>
    public static async Task<SandboxServer> StartAsync(
        int products = 100, int seed = 1, string layout = "flat", TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { RepositoryPaths.Combine("tests", "sandbox", "start.js"), "--products", $"{products}", "--seed", $"{seed}", "--layout", layout },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Generating and seeding a catalog takes about a second per 10,000 products; the default covers tests' sizes.
        timeout.CancelAfter(readyTimeout ?? TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"The sandbox exited before it was ready: {errors}");
        return new SandboxServer(process, JsonDocument.Parse(line).RootElement.Clone());
    }

    /// <summary>The control API's base URL (no trailing slash).</summary>
    public Uri ControlUrl => new(Ready.GetProperty("control_url").GetString()!.TrimEnd('/'));

    /// <summary>The local folder the FTP server serves as the Etilize directory: write a file here and the server has it.</summary>
    public string EtilizeFolder => Path.Combine(Value("ftp", "root"), Value("ftp", "directory").TrimStart('/'));

    /// <summary>The app's settings for this sandbox, as <c>./run.sh</c> sets them: storage, Etilize, Xorosoft and Shopify.</summary>
    /// <returns>The settings, keyed with <c>:</c>; add the others (e.g. the bootstrap key) to taste.</returns>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["SyncStorage"] = Value("storage", "connection_string"),
        ["Etilize:Host"] = Value("ftp", "host"),
        ["Etilize:Port"] = Value("ftp", "port"),
        ["Etilize:User"] = Value("ftp", "user"),
        ["Etilize:Password"] = Value("ftp", "password"),
        ["Etilize:Directory"] = Value("ftp", "directory"),
        ["Xorosoft:BaseUrl"] = Value("xorosoft", "base_url"),
        ["Xorosoft:ApiKey"] = Value("xorosoft", "api_key"),
        ["Xorosoft:ApiSecret"] = Value("xorosoft", "api_secret"),
        ["Shopify:ShopDomain"] = Value("shopify", "shop_domain"),
        ["Shopify:AdminBaseUrl"] = Value("shopify", "admin_base_url"),
        ["Shopify:ApiVersion"] = Value("shopify", "api_version"),
        ["Shopify:AccessToken"] = Value("shopify", "access_token"),
        ["Shopify:WebhookSecret"] = Value("shopify", "client_secret"),
    };

    /// <summary>A string value of the ready line, e.g. <c>("ftp", "user")</c>.</summary>
    public string Value(string system, string key) => Ready.GetProperty(system).GetProperty(key).ToString();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets the sandbox stop Azurite and remove its FTP folder.
            Process.Start("kill", ["-TERM", $"{_process.Id}"])?.WaitForExit();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
