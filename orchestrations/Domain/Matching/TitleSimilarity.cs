namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>
/// How alike two product titles are: the Sørensen–Dice coefficient over character bigrams of the
/// normalized titles. Robust to word order, punctuation and small spelling differences, and cheap.
/// </summary>
public static class TitleSimilarity
{
    /// <summary>The similarity of two titles.</summary>
    /// <param name="left">A title.</param>
    /// <param name="right">Another title.</param>
    /// <returns>1 for identical normalized titles, 0 when nothing is shared or a title is empty.</returns>
    public static decimal Of(string? left, string? right)
    {
        var leftBigrams = Bigrams(left);
        var rightBigrams = Bigrams(right);
        if (leftBigrams.Count == 0 || rightBigrams.Count == 0)
        {
            return 0m;
        }

        var shared = 0;
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bigram in rightBigrams)
        {
            remaining[bigram] = remaining.GetValueOrDefault(bigram) + 1;
        }

        foreach (var bigram in leftBigrams)
        {
            if (remaining.GetValueOrDefault(bigram) > 0)
            {
                remaining[bigram]--;
                shared++;
            }
        }

        return 2m * shared / (leftBigrams.Count + rightBigrams.Count);
    }

    // Bigrams are taken within words, so "a4 paper" and "paper a4" come out identical.
    private static List<string> Bigrams(string? title)
    {
        var bigrams = new List<string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            return bigrams;
        }

        var words = new string(title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            if (word.Length == 1)
            {
                bigrams.Add(word);
            }

            for (var index = 0; index < word.Length - 1; index++)
            {
                bigrams.Add(word.Substring(index, 2));
            }
        }

        return bigrams;
    }
}
