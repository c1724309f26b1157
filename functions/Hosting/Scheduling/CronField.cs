using System.Globalization;

namespace CowansSync.Functions.Hosting.Scheduling;

/// <summary>One field of an NCRONTAB expression: the set of values it allows, as a bit mask.</summary>
internal sealed class CronField
{
    private readonly ulong _allowed;

    private CronField(ulong allowed) => _allowed = allowed;

    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Contains(int value) => (_allowed & (1UL << value)) != 0;

    /// <summary>
    /// Parses a comma-separated list of <c>*</c>, <c>n</c>, <c>a-b</c>, each with an optional <c>/step</c>
    /// (<c>n/step</c> runs from n to the maximum). <paramref name="names"/> maps names such as <c>JAN</c> to values.
    /// </summary>
    public static CronField Parse(string text, string name, int min, int max, IReadOnlyList<string>? names = null, int nameOffset = 0)
    {
        ulong allowed = 0;
        foreach (var item in text.Split(','))
        {
            var (range, stepText) = item.Split('/') switch
            {
                [var r] => (r, null),
                [var r, var s] => (r, s),
                _ => throw Error(name, item, "has more than one '/'"),
            };
            var step = stepText is null ? 1 : ParseNumber(stepText, name, item);
            if (step < 1 || step > max - min + 1)
            {
                throw Error(name, item, $"step must be between 1 and {max - min + 1}");
            }

            var (from, to) = range switch
            {
                "*" => (min, max),
                _ when range.Contains('-', StringComparison.Ordinal) => ParseRange(range, name, item, names, nameOffset, max),
                _ => ParseSingle(range, name, item, names, nameOffset, stepText is null ? null : max),
            };
            if (from < min || to > max)
            {
                throw Error(name, item, $"values must be between {min} and {max}");
            }

            if (from > to)
            {
                throw Error(name, item, "the range starts after it ends");
            }

            for (var value = from; value <= to; value += step)
            {
                allowed |= 1UL << value;
            }
        }

        return new CronField(allowed);
    }

    /// <summary>Returns a copy in which <paramref name="from"/> also allows <paramref name="to"/> (day-of-week 7 = Sunday = 0).</summary>
    public CronField Fold(int from, int to) =>
        Contains(from) ? new CronField((_allowed | (1UL << to)) & ~(1UL << from)) : this;

    private static (int From, int To) ParseRange(string range, string name, string item, IReadOnlyList<string>? names, int nameOffset, int max)
    {
        var bounds = range.Split('-');
        if (bounds.Length != 2)
        {
            throw Error(name, item, "a range needs exactly one '-'");
        }

        var from = ParseValue(bounds[0], name, item, names, nameOffset);
        var to = ParseValue(bounds[1], name, item, names, nameOffset);

        // Day-of-week only (max 7): Sunday ending a range ("FRI-SUN") means 7, which Fold maps back to 0.
        return (from, to == 0 && max == 7 ? 7 : to);
    }

    private static (int From, int To) ParseSingle(string text, string name, string item, IReadOnlyList<string>? names, int nameOffset, int? stepTo)
    {
        var value = ParseValue(text, name, item, names, nameOffset);
        return (value, stepTo ?? value);
    }

    private static int ParseValue(string text, string name, string item, IReadOnlyList<string>? names, int nameOffset)
    {
        if (names is not null)
        {
            for (var index = 0; index < names.Count; index++)
            {
                if (string.Equals(names[index], text, StringComparison.OrdinalIgnoreCase))
                {
                    return index + nameOffset;
                }
            }
        }

        return ParseNumber(text, name, item);
    }

    private static int ParseNumber(string text, string name, string item) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(name, item, $"'{text}' is not a number{(text.Length > 0 ? " or name" : string.Empty)}");

    private static FormatException Error(string name, string item, string reason) =>
        new($"The {name} field '{item}' is invalid: {reason}.");
}
