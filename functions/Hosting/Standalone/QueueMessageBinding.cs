using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// What a queue function receives, as the isolated worker binds a queue trigger: the message as the trigger
/// parameter's type, and the message's metadata as binding data (<c>id</c>, <c>dequeueCount</c>, …).
/// </summary>
internal static class QueueMessageBinding
{
    /// <summary>The trigger parameter's value.</summary>
    /// <param name="message">The delivery.</param>
    /// <param name="parameterType">
    /// <see cref="QueueMessage"/>, <see cref="string"/>, <see cref="BinaryData"/>, <c>byte[]</c>, or any other type, read from
    /// the message as JSON (the worker's web defaults: camelCase, case-insensitive).
    /// </param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The message is not JSON of <paramref name="parameterType"/>; the delivery fails, as a binding error does.</exception>
    public static object? TriggerValue(QueueMessage message, Type parameterType)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(parameterType);
        return parameterType switch
        {
            _ when parameterType == typeof(QueueMessage) => message,
            _ when parameterType == typeof(string) => message.Body.ToString(),
            _ when parameterType == typeof(BinaryData) => message.Body,
            _ when parameterType == typeof(byte[]) => message.Body.ToArray(),
            _ => JsonSerializer.Deserialize(message.Body.ToMemory().Span, parameterType, JsonSerializerOptions.Web),
        };
    }

    /// <summary>The queue trigger's metadata, named as the host names it.</summary>
    /// <param name="message">The delivery.</param>
    /// <returns>The values, by case-insensitive name.</returns>
    public static IReadOnlyDictionary<string, object?> BindingData(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["QueueTrigger"] = message.Body.ToString(),
            ["Id"] = message.MessageId,
            ["DequeueCount"] = message.DequeueCount,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
            ["PopReceipt"] = message.PopReceipt,
        };
    }
}
