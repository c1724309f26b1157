namespace CowansSync.Functions.Etilize;

/// <summary>One record of a CSV entry.</summary>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Fields">The field values, unquoted.</param>
/// <param name="Problem">Why the record cannot be trusted (broken quoting), or <see langword="null"/>.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem);
