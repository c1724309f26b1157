using CowansSync.Orchestrations.Domain.Matching;

namespace CowansSync.Orchestrations.Ports;

/// <summary>What Xorosoft says of one catalog row: the verdict and, when found, the item.</summary>
/// <param name="Validation">Found or not, how, and how sure.</param>
/// <param name="Item">The ERP item, with its price, cost and stock; <see langword="null"/> when not found.</param>
public sealed record XorosoftLookup(XorosoftValidation Validation, XorosoftItem? Item);
