using System.Text;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// Normalizes manufacturer names for matching: Etilize, Xorosoft and Shopify spell the same maker
/// differently ("3M Company", "3M", "Smead Mfg. Co.", "Avery &amp; Dennison, Inc.").
/// </summary>
public static class ManufacturerName
{
    // Legal-form words carry no identity; they are dropped from the end of a name, repeatedly
    // ("Acme Holdings Co., Inc." → "acme holdings").
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp",
        "ltd", "limited", "plc", "gmbh", "ag", "sa", "mfg", "manufacturing",
    };

    /// <summary>
    /// The matching key of a manufacturer name: lower-case, <c>&amp;</c> read as "and", punctuation
    /// removed, whitespace collapsed, trailing legal-form words (Inc, Corp, LLC, Co, …) dropped.
    /// </summary>
    /// <param name="name">The name as a source system spells it.</param>
    /// <returns>The key, or "" when the name is empty or only punctuation.</returns>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var words = SplitWords(name);
        // Keep at least one word: a maker called "Company" is still a maker.
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in name)
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
                continue;
            }

            // Apostrophes and periods join a word ("O'Brien", "Mfg."); everything else separates.
            if (character is '\'' or '’' or '.')
            {
                continue;
            }

            Flush(word, words);
            if (character == '&')
            {
                words.Add("and");
            }
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
