namespace CowansSync.Orchestrations.Ports;

/// <summary>Claim-check storage for payloads too big for a message or a table row, addressed <c>container/name</c>.</summary>
public interface IPayloadStore
{
    /// <summary>Writes (or overwrites) a payload.</summary>
    /// <param name="path">Where, <c>container/name</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the payload is stored.</returns>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Opens a payload for streaming.</summary>
    /// <param name="path">Where, <c>container/name</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The stream; the caller disposes it.</returns>
    /// <exception cref="FileNotFoundException">No payload is stored there.</exception>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Reads a small payload whole.</summary>
    /// <param name="path">Where, <c>container/name</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="FileNotFoundException">No payload is stored there.</exception>
    Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken);
}
