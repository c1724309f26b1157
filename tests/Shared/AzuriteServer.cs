using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CowansSync.Testing;

/// <summary>
/// A real Azurite (the pinned npm package in <c>node_modules</c>) on free loopback ports, in memory.
/// <see cref="Shared"/> starts one per process on first use and stops it when the process exits.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private static readonly Lazy<Task<AzuriteServer>> SharedInstance = new(() => StartAsync());

    private readonly Process _process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    /// <summary>The connection string with explicit endpoints for this instance.</summary>
    public string ConnectionString { get; }

    /// <summary>The instance shared by every test in this process.</summary>
    public static Task<AzuriteServer> Shared => SharedInstance.Value;

    /// <summary>A name no other test uses, valid for a table, queue or container.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 63)];

    /// <summary>Starts a new instance and waits until all three services accept connections.</summary>
    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js"),
                "--inMemoryPersistence", "--silent", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, blobPort, queuePort, tablePort);
        AppDomain.CurrentDomain.ProcessExit += server.KillOnExit;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        foreach (var port in new[] { blobPort, queuePort, tablePort })
        {
            await WaitForPortAsync(process, port, timeout.Token);
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitForPortAsync(Process process, int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening; run 'npm ci'.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
