namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>Where a value came from; decides field ownership and conflict resolution.</summary>
public enum SourceSystem
{
    /// <summary>The supplier content feed: titles, descriptions, specs, images, part numbers, UPCs.</summary>
    Etilize,

    /// <summary>The ERP: which items are carried, stock, cost and price.</summary>
    Xorosoft,

    /// <summary>The store: handle, status, tags, collections, and merchant edits.</summary>
    Shopify,

    /// <summary>A person, through the API or dashboard.</summary>
    Manual,
}
