using System.Text.Json.Serialization;

namespace CowansSync.Functions.Hosting.CustomHandler;

/// <summary>The answer to a custom-handler invocation, in the shape the Functions host reads.</summary>
/// <param name="Outputs">Output binding values; always empty: the app writes to storage through its own clients.</param>
/// <param name="Logs">Lines the host adds to the invocation's logs.</param>
/// <param name="ReturnValue">The <c>$return</c> binding's value; the app's functions have none.</param>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
