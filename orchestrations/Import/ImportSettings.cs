using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Import;

/// <summary>The settings of one import run (the start request's body), kept on the run as its configuration.</summary>
public sealed record ImportSettings
{
    /// <summary>The ZIP in claim-check storage, <c>container/name</c>.</summary>
    public required string DropPath { get; init; }

    /// <summary>The file's name on the FTP server.</summary>
    public required string FileName { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public long FileSize { get; init; }

    /// <summary>Leave out rows Xorosoft does not know (otherwise they are staged without ERP data).</summary>
    public bool ApplyXorosoftFilter { get; init; } = true;

    /// <summary>Write staged changes (otherwise the run only counts what it would stage: a dry run).</summary>
    public bool CreateStagingEntries { get; init; } = true;

    /// <summary>No change below this match confidence is auto-approved, whatever the rules say.</summary>
    public decimal AutoApproveThreshold { get; init; } = DefaultApprovalRules.AutoApproveThreshold;

    /// <summary>
    /// Wait for reviews, pushing at each approval (an import started by hand or by the poll); otherwise the run ends once
    /// staged and its pending changes are pushed later (a scheduled import, whose next step must not wait for people).
    /// </summary>
    public bool AwaitReviews { get; init; } = true;

    /// <summary>How Xorosoft lookups match.</summary>
    public XorosoftValidationMode ValidationMode { get; init; } = XorosoftValidationMode.Strict;

    /// <summary>Whether a row with this Xorosoft verdict is left out of the run.</summary>
    /// <param name="lookup">What Xorosoft said of the row, or <see langword="null"/> when it said nothing.</param>
    /// <returns><see langword="true"/> when the filter applies and the item is not known under <see cref="ValidationMode"/>.</returns>
    public bool FiltersOut(XorosoftLookup? lookup) => ApplyXorosoftFilter && lookup?.Validation.IsKnownUnder(ValidationMode) != true;

    /// <summary>The store snapshot the batches match against; <see langword="null"/>: each batch asks Shopify.</summary>
    public string? StoreSnapshotId { get; init; }

    /// <summary>The store export that fills the snapshot, once started.</summary>
    public string? StoreExportId { get; init; }

    /// <summary>The current poll of the store export: only the message carrying it goes on, so duplicates die out.</summary>
    public int StorePoll { get; init; }
}
