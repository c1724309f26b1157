using System.Globalization;
using System.Text;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Turns any text (a SKU, a file name) into a valid, reversible-looking key: the characters the Table service
/// refuses in keys, and the escape character itself, become <c>~XXXX</c> (UTF-16 code in hex).
/// </summary>
internal static class TableKeyText
{
    /// <summary>The key for <paramref name="text"/>; distinct texts give distinct keys.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            if (NeedsEscape(character))
            {
                builder.Append('~').Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char character) => character is '/' or '\\' or '#' or '?' or '~' || char.IsControl(character);
}
