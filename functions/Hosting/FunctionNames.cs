namespace CowansSync.Functions.Hosting;

/// <summary>The names of the app's functions: their folders under <c>functions/FunctionApp/</c> and the keys of their handlers.</summary>
public static class FunctionNames
{
    /// <summary>The HTTP API (catch-all, forwarded to the app's <c>/api</c> routes).</summary>
    public const string Api = nameof(Api);

    /// <summary>Anonymous health (forwarded to <c>/api/health</c>).</summary>
    public const string Health = nameof(Health);

    /// <summary>The workflow step queue <c>sync-work</c>.</summary>
    public const string SyncWork = nameof(SyncWork);

    /// <summary>The timer that polls the Etilize FTP server and starts an import when a new file is there.</summary>
    public const string EtilizePoll = nameof(EtilizePoll);
}
