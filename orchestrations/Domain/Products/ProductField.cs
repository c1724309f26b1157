using System.Text.Json;
using System.Text.Json.Nodes;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// One catalog field of <see cref="Product"/>: its API name, the system that owns it, how two
/// values compare (a set ignores order, a number ignores trailing zeros, an empty text equals none)
/// and its JSON value as diffs, conflicts and snapshots show it.
/// </summary>
public abstract class ProductField
{
    private protected ProductField(string name, SourceSystem? owner)
    {
        Name = name;
        Owner = owner;
    }

    /// <summary>The snake_case name the API and stored JSON use, e.g. <c>inventory_quantity</c>.</summary>
    public string Name { get; }

    /// <summary>The system whose value wins for this field, or <see langword="null"/> when none does.</summary>
    public SourceSystem? Owner { get; }

    /// <summary>Whether the values are numbers, so a change has a percentage.</summary>
    public abstract bool IsNumeric { get; }

    /// <summary>Whether the two products hold the same value for this field.</summary>
    /// <param name="left">A product.</param>
    /// <param name="right">Another product.</param>
    /// <returns><see langword="true"/> when equal under this field's comparison.</returns>
    public abstract bool HasSameValue(Product left, Product right);

    /// <summary>Whether the product has a non-empty value for this field.</summary>
    /// <param name="product">The product.</param>
    /// <returns><see langword="false"/> for null, empty text and empty collections.</returns>
    public abstract bool HasValue(Product product);

    /// <summary>The field's value as JSON, in a canonical form (sets sorted, maps by key).</summary>
    /// <param name="product">The product, or <see langword="null"/> when it does not exist.</param>
    /// <returns>The value, or a JSON <c>null</c> when absent or empty.</returns>
    public abstract JsonElement ValueOf(Product? product);

    /// <summary>Copies this field's value from one product to another.</summary>
    /// <param name="source">The product holding the wanted value.</param>
    /// <param name="target">The product to change.</param>
    /// <returns>A copy of <paramref name="target"/> with this field taken from <paramref name="source"/>.</returns>
    public abstract Product CopyValue(Product source, Product target);

    /// <summary>A copy of <paramref name="target"/> holding <paramref name="value"/> in this field, read as the product's JSON reads it.</summary>
    /// <param name="target">The product.</param>
    /// <param name="value">The value, as <see cref="ValueOf"/> gives it (e.g. a number for <c>price</c>).</param>
    /// <returns>The product with the value.</returns>
    /// <exception cref="JsonException">The value is not of the field's type.</exception>
    public Product WithValue(Product target, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(target);
        var json = JsonSerializer.SerializeToNode(target, DomainJson.Options)!.AsObject();
        json[Name] = JsonNode.Parse(value.GetRawText());
        return CopyValue(json.Deserialize<Product>(DomainJson.Options)!, target);
    }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
