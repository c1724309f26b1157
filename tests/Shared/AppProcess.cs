using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CowansSync.Testing;

/// <summary>
/// The built app (<c>functions/bin/Release/net10.0</c>), standalone, as its own process on a free loopback port, with
/// its settings as environment variables: what <c>./run.sh</c> starts.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process's peak resident memory so far (Linux <c>VmHWM</c>), or 0 where unknown.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Starts the app; settings use <c>:</c> or <c>__</c> between levels.</summary>
    /// <param name="settings">The app's settings.</param>
    /// <param name="contentRoot">Its content root (where it would read <c>local.settings.json</c>).</param>
    /// <param name="logPath">A file to append the app's log to; none by default.</param>
    /// <returns>The running process; wait for it with <see cref="ClientAsync"/>.</returns>
    public static AppProcess Start(IReadOnlyDictionary<string, string?> settings, string contentRoot, string? logPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.Combine("functions", "bin", "Release", "net10.0", "CowansSync.Functions.dll"), "--contentRoot", contentRoot },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment.Remove("Functions__Worker__HostEndpoint");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drained (to the log file, if any) so a chatty log never blocks the app on a full pipe.
        var log = logPath is null ? null : TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until the app answers, then returns a client for it.</summary>
    /// <returns>The client.</returns>
    public async Task<HttpClient> ClientAsync()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative), deadline.Token);
                return client;
            }
            catch (HttpRequestException) when (!_process.HasExited)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }

    /// <summary>Waits for the app to exit by itself, as it does when it cannot start.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Its exit code.</returns>
    /// <exception cref="TimeoutException">It is still running after <paramref name="timeout"/>.</exception>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Also waits until the redirected output is drained, so the log file is complete.
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The app was still running after {timeout}.");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no graceful drain; messages it holds stay invisible until their lease lapses.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
