namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// The name-to-id mapping of manufacturers. Etilize's guide recommends matching on manufacturer
/// id + part number after mapping each source's names to one id, because names differ between
/// sources beyond what <see cref="ManufacturerName.Normalize"/> can fix ("HP" vs "Hewlett-Packard").
/// </summary>
/// <remarks>Immutable once built; safe to share across the items of a batch.</remarks>
public sealed class ManufacturerDirectory
{
    private readonly Dictionary<string, string> _idsByName;

    /// <summary>Builds the directory from known names.</summary>
    /// <param name="namesById">
    /// For each manufacturer id, the names it is known by in any source (canonical name and aliases).
    /// </param>
    /// <exception cref="ArgumentException">One normalized name is claimed by two different ids.</exception>
    public ManufacturerDirectory(IReadOnlyDictionary<string, IReadOnlyCollection<string>> namesById)
    {
        ArgumentNullException.ThrowIfNull(namesById);
        _idsByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, names) in namesById)
        {
            foreach (var key in names.Append(id).Select(ManufacturerName.Normalize).Where(k => k.Length > 0))
            {
                if (_idsByName.TryGetValue(key, out var existing) && existing != id)
                {
                    throw new ArgumentException($"The manufacturer name '{key}' maps to both '{existing}' and '{id}'.", nameof(namesById));
                }

                _idsByName[key] = id;
            }
        }
    }

    /// <summary>A directory with no mappings: names still match after normalization.</summary>
    public static ManufacturerDirectory Empty { get; } = new(new Dictionary<string, IReadOnlyCollection<string>>());

    /// <summary>
    /// The key to match a manufacturer on: its mapped id when the directory knows the name,
    /// otherwise the normalized name itself — so two spellings that normalize alike still match
    /// before anyone maintains a mapping.
    /// </summary>
    /// <param name="name">The manufacturer name as a source spells it.</param>
    /// <returns>The key, or <see langword="null"/> when the name is empty.</returns>
    public string? KeyOf(string? name)
    {
        var normalized = ManufacturerName.Normalize(name);
        if (normalized.Length == 0)
        {
            return null;
        }

        return _idsByName.TryGetValue(normalized, out var id) ? $"id:{id}" : $"name:{normalized}";
    }
}
