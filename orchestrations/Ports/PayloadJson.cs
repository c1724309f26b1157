using System.Text.Json;
using CowansSync.Orchestrations.Domain;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Payloads as JSON in the domain's wire form (<see cref="DomainJson"/>): what every workflow's claim checks hold.</summary>
public static class PayloadJson
{
    /// <summary>Writes a value; rewriting it is harmless.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="payloads">The store.</param>
    /// <param name="path"><c>container/name</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the value is stored.</returns>
    public static Task WriteJsonAsync<T>(this IPayloadStore payloads, string path, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        return payloads.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, DomainJson.Options), cancellationToken);
    }

    /// <summary>Reads a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="payloads">The store.</param>
    /// <param name="path"><c>container/name</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The value; <see langword="null"/> for a JSON <c>null</c>.</returns>
    public static async Task<T?> ReadJsonAsync<T>(this IPayloadStore payloads, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        return JsonSerializer.Deserialize<T>(await payloads.ReadAsync(path, cancellationToken), DomainJson.Options);
    }
}
