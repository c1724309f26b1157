namespace CowansSync.Functions.Xorosoft;

/// <summary>The last completed sync of the item mirror.</summary>
/// <param name="SyncedAt">When it completed.</param>
/// <param name="ItemCount">How many items the listing returned.</param>
public sealed record XorosoftMirrorState(DateTimeOffset SyncedAt, int ItemCount);
