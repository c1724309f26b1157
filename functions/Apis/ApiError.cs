namespace CowansSync.Functions.Apis;

/// <summary>The error body of every endpoint: <c>{"error": "…", "details": {…}}</c>.</summary>
/// <param name="Error">What went wrong, for a person.</param>
/// <param name="Details">Specifics, e.g. for a 400 one entry per bad field with the reason.</param>
public sealed record ApiError(string Error, IReadOnlyDictionary<string, object?>? Details = null);
