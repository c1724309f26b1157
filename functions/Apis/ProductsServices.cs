using CowansSync.Functions.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Apis;

/// <summary>The services the product endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Products">The local catalog.</param>
/// <param name="Versions">The product versions.</param>
public sealed record ProductsServices(ProductStore Products, IProductVersionStore Versions);
