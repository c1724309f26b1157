namespace CowansSync.Functions.Xorosoft;

/// <summary>How many units of an item one Xorosoft store has available.</summary>
/// <param name="StoreName">The store's code, e.g. <c>MAIN</c>.</param>
/// <param name="AvailableQuantity">The available quantity (<c>AvailableQty</c>).</param>
public sealed record XorosoftStoreStock(string StoreName, int AvailableQuantity);
