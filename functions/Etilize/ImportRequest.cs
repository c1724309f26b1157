using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Functions.Etilize;

/// <summary>The body of <c>POST /api/etilize/sync/start</c> (every field optional).</summary>
/// <param name="AutoDownload">Fetch the file from the FTP server now (the only way today; <see langword="false"/> is refused).</param>
/// <param name="ApplyXorosoftFilter">Leave out rows Xorosoft does not know.</param>
/// <param name="CreateStagingEntries">Write staged changes (otherwise only count them).</param>
/// <param name="AutoApproveThreshold">No change matched below this confidence is auto-approved (0–1).</param>
/// <param name="Filename">Import this file instead of the newest new one.</param>
public sealed record ImportRequest(
    bool AutoDownload = true,
    bool ApplyXorosoftFilter = true,
    bool CreateStagingEntries = true,
    decimal AutoApproveThreshold = DefaultApprovalRules.AutoApproveThreshold,
    string? Filename = null);
