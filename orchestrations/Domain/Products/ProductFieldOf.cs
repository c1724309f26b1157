using System.Text.Json;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>A <see cref="ProductField"/> over values of <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The CLR type of the value, already in canonical form.</typeparam>
internal sealed class ProductFieldOf<T> : ProductField
{
    private static readonly JsonElement JsonNull = JsonSerializer.SerializeToElement<object?>(null);

    private readonly Func<Product, T> _read;
    private readonly Func<Product, Product, Product> _copy;
    private readonly Func<T, T, bool> _equal;
    private readonly Func<T, bool> _isEmpty;

    public ProductFieldOf(
        string name,
        SourceSystem? owner,
        Func<Product, T> read,
        Func<Product, Product, Product> copy,
        Func<T, T, bool> equal,
        Func<T, bool> isEmpty,
        bool isNumeric = false)
        : base(name, owner)
    {
        _read = read;
        _copy = copy;
        _equal = equal;
        _isEmpty = isEmpty;
        IsNumeric = isNumeric;
    }

    public override bool IsNumeric { get; }

    public override bool HasSameValue(Product left, Product right)
    {
        var leftValue = _read(left);
        var rightValue = _read(right);
        var leftEmpty = _isEmpty(leftValue);
        return leftEmpty || _isEmpty(rightValue) ? leftEmpty == _isEmpty(rightValue) : _equal(leftValue, rightValue);
    }

    public override Product CopyValue(Product source, Product target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return _copy(source, target);
    }

    public override bool HasValue(Product product) => !_isEmpty(_read(product));

    public override JsonElement ValueOf(Product? product)
    {
        if (product is null)
        {
            return JsonNull;
        }

        var value = _read(product);
        return _isEmpty(value) ? JsonNull : JsonSerializer.SerializeToElement(value, DomainJson.Options);
    }
}
