using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>An import run as <c>GET /api/etilize/sync/status/{job_id}</c> shows it.</summary>
/// <param name="JobId">The run's id.</param>
/// <param name="Status">The run's status.</param>
/// <param name="Phase">The run's phase.</param>
/// <param name="Progress">The summary counters (<c>total_rows, processed_rows, matched_products, …</c>).</param>
/// <param name="FtpFilename">The imported file.</param>
/// <param name="FtpFileSize">Its size in bytes.</param>
/// <param name="CustomStatus">E.g. <c>overdue</c>.</param>
/// <param name="EstimatedCompletion">When it should finish, at the pace so far.</param>
/// <param name="LastError">The error that stopped it.</param>
/// <param name="Errors">Row errors, with file and line (bounded; <c>failed_rows</c> counts them all).</param>
/// <param name="XorosoftFilteredSkus">SKUs left out because Xorosoft does not know them.</param>
/// <param name="StatusUrl">The run's general status URL.</param>
public sealed record ImportJobView(
    string JobId,
    string Status,
    string Phase,
    IReadOnlyDictionary<string, long> Progress,
    string FtpFilename,
    long FtpFileSize,
    string? CustomStatus,
    DateTimeOffset? EstimatedCompletion,
    string? LastError,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> XorosoftFilteredSkus,
    string StatusUrl)
{
    /// <summary>The view of an import run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The view.</returns>
    public static ImportJobView Of(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = run.InputAs<ImportCatalogInput>()?.Settings;
        return new ImportJobView(
            run.RunId,
            WireName.Of(run.Status),
            run.Phase,
            ImportCounters.All.ToDictionary(name => name, run.Counter, StringComparer.Ordinal),
            settings?.FileName ?? string.Empty,
            settings?.FileSize ?? 0,
            run.CustomStatus,
            run.EstimatedCompletion,
            run.LastError,
            run.Errors,
            run.Lists.GetValueOrDefault(ImportCounters.XorosoftFiltered) ?? [],
            $"/api/runs/{run.RunId}");
    }
}
