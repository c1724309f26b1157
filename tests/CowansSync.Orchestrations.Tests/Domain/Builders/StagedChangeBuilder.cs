using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Tests.Domain.Builders;

/// <summary>Builds a pending staged change from a real diff, so field changes are what production computes.</summary>
internal sealed class StagedChangeBuilder
{
    public static readonly DateTimeOffset StagedAt = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    private Product? _current = new ProductBuilder().Build();
    private Product? _proposed = new ProductBuilder().Build();
    private ChangeDirection _direction = ChangeDirection.XorosoftInventory;
    private decimal? _matchConfidence;
    private bool _withConflict;

    public StagedChangeBuilder Creating(Product product) => Set(() => (_current, _proposed) = (null, product));

    public StagedChangeBuilder Deleting(Product product) => Set(() => (_current, _proposed) = (product, null));

    public StagedChangeBuilder From(Func<ProductBuilder, ProductBuilder> current)
        => Set(() => _current = _proposed = current(new ProductBuilder()).Build());

    public StagedChangeBuilder Updating(Func<ProductBuilder, ProductBuilder> change)
        => Set(() => _proposed = change(new ProductBuilder().With(_ => _current!)).Build());

    public StagedChangeBuilder WithPriceChange(decimal from, decimal to)
        => Set(() => (_current, _proposed) = (new ProductBuilder().WithPrice(from).Build(), new ProductBuilder().WithPrice(to).Build()));

    public StagedChangeBuilder WithInventoryChange(int from, int to)
        => Set(() => (_current, _proposed) = (new ProductBuilder().WithInventory(from).Build(), new ProductBuilder().WithInventory(to).Build()));

    public StagedChangeBuilder InDirection(ChangeDirection direction) => Set(() => _direction = direction);

    public StagedChangeBuilder WithMatchConfidence(decimal confidence) => Set(() => _matchConfidence = confidence);

    public StagedChangeBuilder WithConflict() => Set(() => _withConflict = true);

    public StagedChange Build()
    {
        var change = StagedChange.Stage("run-1", ProductDiff.Between(_current, _proposed, _direction), StagedAt) with
        {
            MatchConfidence = _matchConfidence,
        };
        return _withConflict ? change with { Conflicts = [Conflict(change.Sku)] } : change;
    }

    private static FieldConflict Conflict(Sku sku)
    {
        var value = JsonSerializer.SerializeToElement("text");
        return new FieldConflict(sku, "title", value, value, value, null, null, AutoResolution.Manual("test"));
    }

    private StagedChangeBuilder Set(Action change)
    {
        change();
        return this;
    }
}
