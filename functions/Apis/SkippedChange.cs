namespace CowansSync.Functions.Apis;

/// <summary>A change a bulk decision left alone.</summary>
/// <param name="ChangeId">The change.</param>
/// <param name="Reason">Why, e.g. "Only pending changes can be approved; this change is rejected."</param>
public sealed record SkippedChange(string ChangeId, string Reason);
