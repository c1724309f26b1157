namespace CowansSync.Functions.Shopify;

/// <summary><c>data</c> of FindProducts.graphql.</summary>
internal sealed record ProductsData(ProductConnection Products);

/// <summary>A page of products.</summary>
internal sealed record ProductConnection(PageInfo PageInfo, IReadOnlyList<ProductNode> Nodes);

/// <summary>A connection's paging state.</summary>
internal sealed record PageInfo(bool HasNextPage, string? EndCursor);

/// <summary>The <c>nodes</c> of a nested connection.</summary>
internal sealed record NodeList<T>(IReadOnlyList<T> Nodes);

/// <summary>A product as FindProducts selects it (the bulk export assembles the same shape from its lines);
/// ReadProducts adds <c>collections</c>.</summary>
internal sealed record ProductNode(
    string Id,
    string? Handle,
    string? Title,
    string? DescriptionHtml,
    string? Vendor,
    string? ProductType,
    IReadOnlyList<string>? Tags,
    string? Status,
    DateTimeOffset UpdatedAt,
    NodeList<VariantNode>? Variants,
    NodeList<MediaNode>? Media,
    MetafieldNode? Metafield,
    NodeList<CollectionNode>? Collections = null);

/// <summary>A variant (the product's first).</summary>
internal sealed record VariantNode(string Id, string? Sku, decimal? Price, decimal? CompareAtPrice, string? Barcode, int? InventoryQuantity, InventoryItemNode? InventoryItem);

/// <summary>The variant's inventory item: cost and shipping weight.</summary>
internal sealed record InventoryItemNode(string Id, MoneyNode? UnitCost, MeasurementNode? Measurement);

/// <summary>A money amount (Shopify sends a decimal string).</summary>
internal sealed record MoneyNode(decimal Amount);

/// <summary>An inventory item's measurement.</summary>
internal sealed record MeasurementNode(WeightNode? Weight);

/// <summary>A weight in the store's unit.</summary>
internal sealed record WeightNode(string Unit, decimal Value);

/// <summary>A media item; only images carry <c>image</c>.</summary>
internal sealed record MediaNode(ImageNode? Image);

/// <summary>An image.</summary>
internal sealed record ImageNode(string? Url);

/// <summary>The product's <c>custom.manufacturer_part_number</c> metafield.</summary>
internal sealed record MetafieldNode(string? Value);

/// <summary>A collection the product belongs to.</summary>
internal sealed record CollectionNode(string? Handle);
