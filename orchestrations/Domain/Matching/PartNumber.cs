namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>Normalizes manufacturer part numbers, which sources punctuate differently ("AVE-5160", "ave 5160").</summary>
public static class PartNumber
{
    /// <summary>The matching key: letters and digits only, upper-case.</summary>
    /// <param name="partNumber">The part number as received.</param>
    /// <returns>The key, or "" when there is nothing to match on.</returns>
    public static string Normalize(string? partNumber)
        => partNumber is null
            ? string.Empty
            : new string(partNumber.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
