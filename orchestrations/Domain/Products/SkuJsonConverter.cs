using System.Text.Json;
using System.Text.Json.Serialization;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// Writes a <see cref="Sku"/> as its original spelling and reads it back through <see cref="Sku.Parse"/>:
/// the normalized form is derived, so storing it would only invite the two to disagree.
/// </summary>
public sealed class SkuJsonConverter : JsonConverter<Sku>
{
    /// <inheritdoc/>
    public override Sku Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Sku.TryParse(reader.GetString(), out var sku) ? sku : throw new JsonException("A SKU cannot be empty.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Sku value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Original);
    }
}
