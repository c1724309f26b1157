namespace CowansSync.Functions.Shopify;

/// <summary><c>data</c> of CreateProduct.graphql.</summary>
internal sealed record CreateProductData(CreateProductPayload ProductCreate);

/// <summary>productCreate's payload.</summary>
internal sealed record CreateProductPayload(CreatedProductNode? Product, IReadOnlyList<BulkUserError>? UserErrors);

/// <summary>The created product's ids.</summary>
internal sealed record CreatedProductNode(string Id, NodeList<CreatedVariantNode>? Variants);

/// <summary>The created default variant's ids.</summary>
internal sealed record CreatedVariantNode(string Id, IdNode? InventoryItem);

/// <summary>An object of which only the id is selected.</summary>
internal sealed record IdNode(string Id);

/// <summary>A mutation payload of which only <c>userErrors</c> is read.</summary>
internal sealed record MutationPayload(IReadOnlyList<BulkUserError>? UserErrors);

/// <summary><c>data</c> of UpdateProduct.graphql.</summary>
internal sealed record UpdateProductData(MutationPayload ProductUpdate);

/// <summary><c>data</c> of DeleteProduct.graphql.</summary>
internal sealed record DeleteProductData(MutationPayload ProductDelete);

/// <summary><c>data</c> of UpdateVariant.graphql.</summary>
internal sealed record UpdateVariantData(MutationPayload ProductVariantsBulkUpdate);

/// <summary><c>data</c> of SetInventory.graphql.</summary>
internal sealed record SetInventoryData(MutationPayload InventorySetQuantities);

/// <summary><c>data</c> of AddToCollection.graphql.</summary>
internal sealed record AddToCollectionData(MutationPayload CollectionAddProducts);

/// <summary><c>data</c> of FirstLocation.graphql.</summary>
internal sealed record FirstLocationData(NodeList<IdNode> Locations);

/// <summary><c>data</c> of CollectionByHandle.graphql.</summary>
internal sealed record CollectionByHandleData(IdNode? CollectionByIdentifier);

/// <summary><c>data</c> of StageUpload.graphql.</summary>
internal sealed record StageUploadData(StageUploadPayload StagedUploadsCreate);

/// <summary>stagedUploadsCreate's payload.</summary>
internal sealed record StageUploadPayload(IReadOnlyList<StagedTargetNode>? StagedTargets, IReadOnlyList<BulkUserError>? UserErrors);

/// <summary>Where and how to upload: POST every parameter, then the file, as multipart to <c>url</c>.</summary>
internal sealed record StagedTargetNode(Uri Url, IReadOnlyList<StagedParameterNode> Parameters);

/// <summary>A signed form parameter of a staged upload.</summary>
internal sealed record StagedParameterNode(string Name, string Value);

/// <summary><c>data</c> of RunBulkMutation.graphql.</summary>
internal sealed record RunBulkMutationData(BulkOperationPayload BulkOperationRunMutation);
