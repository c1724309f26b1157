namespace CowansSync.Functions.Xorosoft;

/// <summary>How many units of one item one Xorosoft store has available, as the inventory listing gives it.</summary>
/// <param name="ItemNumber">The item number.</param>
/// <param name="Stock">The store and its available quantity.</param>
public sealed record XorosoftItemStock(string ItemNumber, XorosoftStoreStock Stock);
