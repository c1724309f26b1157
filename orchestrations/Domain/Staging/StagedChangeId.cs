using System.Security.Cryptography;
using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>
/// The deterministic id of a staged change: the same run, SKU and direction always give the same id,
/// so a step that runs twice overwrites its change instead of duplicating it.
/// </summary>
/// <remarks>
/// The id is the first 128 bits of SHA-256 over the JSON array <c>[run id, normalized SKU, direction]</c>,
/// as 32 lower-case hex characters. A hash rather than a readable composite because SKUs may contain
/// characters a Table RowKey (<c>/ \ # ?</c>) or a URL path segment cannot; the JSON array keeps the
/// three parts unambiguous whatever they contain. 128 bits make a collision within a run negligible.
/// </remarks>
public static class StagedChangeId
{
    /// <summary>The id of the change a run stages for a SKU in a direction.</summary>
    /// <param name="runId">The run (import, pull, …) staging the change.</param>
    /// <param name="sku">The product.</param>
    /// <param name="direction">The flow.</param>
    /// <returns>32 lower-case hex characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty.</exception>
    public static string For(string runId, Sku sku, ChangeDirection direction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var parts = JsonSerializer.SerializeToUtf8Bytes(new[] { runId, sku.Normalized, WireName.Of(direction) });
        return Convert.ToHexStringLower(SHA256.HashData(parts), 0, 16);
    }

    /// <summary>Whether a text can be a change id (32 lower-case hex characters); anything else names no change.</summary>
    /// <param name="changeId">The text, e.g. from a URL or a request body.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsWellFormed(string? changeId) => changeId is { Length: 32 } && changeId.All(char.IsAsciiHexDigitLower);
}
