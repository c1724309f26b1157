namespace CowansSync.Functions.Etilize;

/// <summary>A flat catalog's header: where each named column is, matched trimmed and ignoring case; the first of a repeated name wins.</summary>
internal sealed class FlatColumns
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the header record's names.</summary>
    public FlatColumns(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            _indexes.TryAdd(Name(names[i]), i);
        }

        Count = names.Count;
    }

    /// <summary>The number of columns, which every row must have.</summary>
    public int Count { get; }

    /// <summary>Whether the header has a column called <paramref name="name"/>.</summary>
    public bool Has(string name) => _indexes.ContainsKey(name);

    /// <summary>The record's value in column <paramref name="name"/>, or <see langword="null"/> when the file has no such column.</summary>
    public string? Get(CsvRecord record, string name) => _indexes.TryGetValue(name, out var index) ? record.Fields[index] : null;

    // A byte order mark survives on the first name when a tool wrote one twice.
    private static string Name(string header) => header.Trim().TrimStart('\uFEFF').Trim();
}
