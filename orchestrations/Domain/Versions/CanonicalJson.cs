using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CowansSync.Orchestrations.Domain.Versions;

/// <summary>
/// One byte sequence per JSON value, so equal data always hashes alike: object keys sorted (ordinal),
/// no whitespace, numbers in plain invariant decimal form without trailing zeros (<c>29.90</c>,
/// <c>29.9</c> and <c>2.99e1</c> all become <c>29.9</c>), strings escaped by one fixed encoder.
/// </summary>
public static class CanonicalJson
{
    // 28 optional digits: every scale a decimal can have, never exponent notation.
    private const string PlainDecimal = "0.############################";

    /// <summary>The canonical UTF-8 bytes of a JSON value.</summary>
    /// <param name="value">Any JSON value.</param>
    /// <returns>The canonical encoding.</returns>
    public static byte[] Serialize(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return buffer.ToArray();
    }

    /// <summary>The SHA-256 of the canonical encoding, as 64 lower-case hex characters.</summary>
    /// <param name="value">Any JSON value.</param>
    /// <returns>The hash.</returns>
    public static string Sha256Hex(JsonElement value) => Convert.ToHexStringLower(SHA256.HashData(Serialize(value)));

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, value);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonElement value)
    {
        var raw = value.GetRawText();
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteRawValue(number.ToString(PlainDecimal, CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            // Beyond decimal's range (never a catalog value): the shortest round-trip double form.
            writer.WriteNumberValue(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
