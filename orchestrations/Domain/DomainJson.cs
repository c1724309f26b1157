using System.Text.Json;
using System.Text.Json.Serialization;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain;

/// <summary>
/// The one JSON shape of every domain record: snake_case names, enums as snake_case strings,
/// SKUs as their original spelling, nulls omitted. Used for Table storage, blobs and the API alike,
/// so a record written by one of them reads back in the others.
/// </summary>
public static class DomainJson
{
    /// <summary>The shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // A misspelt rule property must fail loudly instead of silently widening the rule.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new SkuJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
