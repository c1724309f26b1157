using System.Globalization;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>Values as OData literals in the syntax of Table <c>$filter</c> expressions.</summary>
internal static class ODataFilterLiteral
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        // Doubling the quote is the only escape an OData string literal has, and it is enough: the value
        // cannot end the literal, so it cannot add operators to the query.
        string text => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset date => $"datetime'{date.UtcDateTime.ToString(EdmType.DateTimeFormat, CultureInfo.InvariantCulture)}'",
        Guid guid => $"guid'{guid:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        _ => throw new ArgumentException(
            $"A {value.GetType().Name} cannot be a filter value; use string, bool, int, long, double, DateTimeOffset, Guid, byte[] or BinaryData.",
            nameof(value)),
    };
}
