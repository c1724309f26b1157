using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// The pure heart of an import batch: filter by Xorosoft, lay the ERP's price, cost and stock over each row (and its
/// item number, when the feed gave the row no SKU), match it to a store product, diff, stage and let the rules decide.
/// No I/O: the lookups are passed in.
/// </summary>
/// <param name="rules">The approval rules.</param>
/// <param name="settings">The run's settings.</param>
public sealed class BatchStager(ApprovalRuleEngine rules, ImportSettings settings)
{
    /// <summary>Stages a batch.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="items">The batch's rows.</param>
    /// <param name="lookups">Xorosoft's verdict per row, by <see cref="CatalogItem.LookupKey"/>.</param>
    /// <param name="storeProducts">The store products the rows may match.</param>
    /// <param name="now">The staging time.</param>
    /// <returns>The outcome.</returns>
    public BatchOutcome Stage(
        string runId,
        IReadOnlyList<CatalogItem> items,
        IReadOnlyDictionary<string, XorosoftLookup> lookups,
        IReadOnlyList<Product> storeProducts,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(lookups);
        var matcher = new ProductMatcher(storeProducts, ManufacturerDirectory.Empty);
        var counters = ImportCounters.All.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);
        var changes = new List<StagedChange>();
        var filtered = new List<string>();
        var errors = new List<string>();
        foreach (var row in items)
        {
            counters[ImportCounters.ProcessedRows]++;
            var lookup = lookups.GetValueOrDefault(row.LookupKey());
            var known = lookup?.Validation.IsKnownUnder(settings.ValidationMode) == true;
            if (settings.FiltersOut(lookup))
            {
                counters[ImportCounters.XorosoftFiltered]++;
                filtered.Add(row.Identity());
                continue;
            }

            var item = known && lookup!.Item is { } erp
                ? row with { Sku = row.Sku ?? erp.ItemNumber, Price = erp.Price, Cost = erp.Cost, Quantity = erp.Stock }
                : row;
            var match = matcher.FindBestMatch(item);
            if (item.Sku is null && match is not null)
            {
                item = item with { Sku = match.Product.Sku.Original };
            }

            if (!Sku.TryParse(item.Sku, out _))
            {
                counters[ImportCounters.FailedRows]++;
                errors.Add(item.Sku is null
                    ? $"{row.SourceFile} line {row.SourceLine}: {row.Identity()} has no SKU in the feed, and neither Xorosoft nor the store knows its part number or barcode"
                    : $"{row.SourceFile} line {row.SourceLine}: the SKU '{row.Sku}' is not a valid SKU");
                continue;
            }

            var diff = ProductDiff.Between(match?.Product, CatalogItemProposal.Propose(item, match?.Product), ChangeDirection.EtilizeImport);
            counters[match is null ? ImportCounters.NewProducts : ImportCounters.MatchedProducts]++;
            if (diff.IsEmpty)
            {
                counters[ImportCounters.Unchanged]++;
                continue;
            }

            if (match is not null)
            {
                counters[ImportCounters.UpdatedProducts]++;
            }

            var change = StagedChange.Stage(runId, diff, now) with { MatchConfidence = match?.Confidence, MatchType = match?.MatchType };
            var decided = change.Decide(Decide(change)).Change!;
            counters[decided.Status == ChangeStatus.Approved ? ImportCounters.AutoApproved : ImportCounters.PendingReview]++;
            changes.Add(decided);
        }

        return new BatchOutcome(changes, counters, filtered, errors);
    }

    private ApprovalVerdict Decide(StagedChange change)
    {
        var verdict = rules.Evaluate(change);
        return verdict.AutoApproved && change.MatchConfidence is { } confidence && confidence < settings.AutoApproveThreshold
            ? verdict with
            {
                AutoApproved = false,
                Reason = $"The match confidence {confidence:0.00} is below the run's auto-approve threshold {settings.AutoApproveThreshold:0.00}; review required.",
            }
            : verdict;
    }
}
