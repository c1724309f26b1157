using CowansSync.Functions.Audit;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Apis;

/// <summary>The services the Etilize endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Provider">Resolves the FTP adapters only once Etilize is known to be configured.</param>
/// <param name="Options">The Etilize settings.</param>
/// <param name="Runs">The run store.</param>
/// <param name="Audit">The audit log.</param>
public sealed record EtilizeServices(IServiceProvider Provider, IOptions<EtilizeOptions> Options, IRunStore Runs, AuditLog Audit)
{
    /// <summary>Whether the Etilize FTP settings are present.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Options.Value.Host);

    /// <summary>The drop fetcher.</summary>
    public EtilizeDropFetcher Fetcher => Provider.GetRequiredService<EtilizeDropFetcher>();

    /// <summary>The import starter.</summary>
    public EtilizeImportStarter Starter => Provider.GetRequiredService<EtilizeImportStarter>();
}
