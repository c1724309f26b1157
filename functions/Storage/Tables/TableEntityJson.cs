using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Azure;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// An entity's OData JSON (minimal metadata): JSON-native values as they are, every other EDM type with its
/// <c>Name@odata.type</c> annotation, so each value reads back as the type it was written with.
/// </summary>
internal static class TableEntityJson
{
    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    public static TableEntity Read(JsonElement json)
    {
        Dictionary<string, string>? annotations = null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal))
            {
                (annotations ??= new(StringComparer.Ordinal))[property.Name[..^EdmType.AnnotationSuffix.Length]] = property.Value.GetString()!;
            }
        }

        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString()!;
                    break;
                case "RowKey":
                    entity.RowKey = property.Value.GetString()!;
                    break;
                case "Timestamp":
                    entity.Timestamp = ParseDateTime(property.Value.GetString()!);
                    break;
                case "odata.etag":
                    entity.ETag = new ETag(property.Value.GetString()!);
                    break;
                case var name when name.StartsWith("odata.", StringComparison.Ordinal)
                    || name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal)
                    || property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case var name:
                    entity[name] = ReadValue(property.Value, annotations?.GetValueOrDefault(name));
                    break;
            }
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                writer.WriteString(name, text);
                return;
            case bool flag:
                writer.WriteBoolean(name, flag);
                return;
            case int number:
                writer.WriteNumber(name, number);
                return;
        }

        // Everything else is ambiguous in plain JSON (3.0 reads as Int32, longs lose precision past 2^53).
        writer.WriteString(name + EdmType.AnnotationSuffix, value switch
        {
            long => EdmType.Int64,
            double => EdmType.Double,
            DateTimeOffset => EdmType.DateTime,
            Guid => EdmType.Guid,
            byte[] or BinaryData => EdmType.Binary,
            _ => throw new ArgumentException($"The property '{name}' holds a {value.GetType().Name}, which Table entities cannot store."),
        });
        switch (value)
        {
            case long number:
                writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumber(name, number);
                break;
            case double number:
                // JSON has no NaN or Infinity; the service takes them as the strings "NaN", "Infinity", "-Infinity".
                writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset date:
                writer.WriteString(name, date.UtcDateTime.ToString(EdmType.DateTimeFormat, CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                writer.WriteString(name, guid);
                break;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
        }
    }

    private static object? ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        EdmType.Int64 => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        EdmType.Double when value.ValueKind == JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        EdmType.Double => value.GetDouble(),
        EdmType.DateTime => ParseDateTime(value.GetString()!),
        EdmType.Guid => value.GetGuid(),
        EdmType.Binary => value.GetBytesFromBase64(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ReadNumber(value),
            _ => throw new FormatException($"The Table service returned a {value.ValueKind} property value."),
        },
    };

    // An unannotated number is Int32 unless it is written as a fraction or exponent: the service (and
    // Azurite) write a whole double as "3.0", which must not come back as the Int32 3.
    private static object ReadNumber(JsonElement value)
    {
        if (JsonMarshal.GetRawUtf8Value(value).IndexOfAny(".eE"u8) < 0 && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.GetDouble();
    }

    private static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
