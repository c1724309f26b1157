using System.Text.Json;

namespace CowansSync.Functions.Xorosoft;

/// <summary>Every Xorosoft answer: the outcome, a message, the payload and (unreliable) paging.</summary>
internal sealed record XorosoftEnvelope<T>(
    bool Result,
    string? Message,
    string? ErrorCode,
    JsonElement? Exceptions,
    IReadOnlyList<T>? Data,
    int? Page,
    int? TotalPages);

/// <summary>A product (base part) as <c>getproduct</c> returns it.</summary>
internal sealed record XorosoftProductDto(string BasePartNumber, string? Title, string? VendorName, IReadOnlyList<XorosoftVariantDto>? Variants);

/// <summary>One variant (item) of a product.</summary>
internal sealed record XorosoftVariantDto(
    string ItemNumber,
    string? Description,
    string? ItemUpc,
    string? ManufacturerPartNumber,
    decimal? StandardUnitPrice,
    decimal? StandardUnitCost,
    bool? ActiveFlag);

/// <summary>One store's row of <c>getinventorybyitem</c>.</summary>
internal sealed record XorosoftInventoryDto(string? ItemNumber, string? StoreName, decimal? AvailableQty);
