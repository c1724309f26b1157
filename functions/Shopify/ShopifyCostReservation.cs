namespace CowansSync.Functions.Shopify;

/// <summary>Points a request holds in the client's cost bucket while it is in flight.</summary>
/// <param name="Cost">The points reserved: the request's expected cost.</param>
/// <param name="Sequence">The order it was sent in, so a late response cannot replace a newer status.</param>
internal readonly record struct ShopifyCostReservation(double Cost, long Sequence);
