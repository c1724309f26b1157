using System.Text.Json;
using System.Text.Json.Serialization;

namespace CowansSync.Functions.Hosting.CustomHandler;

/// <summary>The body of <c>POST /{FunctionName}</c> from the Functions host: trigger and input values, and trigger metadata.</summary>
/// <param name="Data">One entry per input binding, keyed by binding name.</param>
/// <param name="Metadata">The trigger's metadata (for a queue: <c>Id</c>, <c>DequeueCount</c>, <c>InsertionTime</c>, …).</param>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] IReadOnlyDictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, JsonElement>? Metadata);
