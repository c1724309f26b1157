namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>A product's status in the store (Shopify's <c>ProductStatus</c>).</summary>
public enum ProductStatus
{
    /// <summary>Not visible to customers; where new products start.</summary>
    Draft,

    /// <summary>For sale.</summary>
    Active,

    /// <summary>Retired, kept for history.</summary>
    Archived,
}
