using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// One Table entity: the system properties as typed members and the custom properties as a
/// case-sensitive dictionary.
/// </summary>
/// <remarks>
/// <para>
/// The dictionary holds only custom properties; <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c> and
/// <c>odata.etag</c> are reserved names and live in <see cref="PartitionKey"/>, <see cref="RowKey"/>,
/// <see cref="Timestamp"/> and <see cref="ETag"/>, so every entry in the dictionary is written as-is.
/// </para>
/// <para>
/// Values may be <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/>, <c>byte[]</c>, <see cref="BinaryData"/>
/// or <see langword="null"/>. Each is written with its EDM type and read back as the same CLR type
/// (binary as <c>byte[]</c>, dates as UTC). A <see langword="null"/> value is not sent: a merge keeps the
/// stored value and a replace drops it.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "The Azure.Data.Tables name, which callers expect.")]
public sealed partial class TableEntity : IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with empty keys (the service allows empty keys).</summary>
    public TableEntity()
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key; empty by default.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The row key; empty by default.</summary>
    public string RowKey { get; set; } = string.Empty;

    /// <summary>When the service last modified the entity (UTC); set on entities read from the service.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>
    /// The entity's version: set on entities read from the service, and updated by the client after a
    /// successful add, update or upsert of this instance.
    /// </summary>
    public ETag ETag { get; set; }

    /// <summary>The custom property names.</summary>
    public ICollection<string> Keys => _properties.Keys;

    /// <summary>The custom property values.</summary>
    public ICollection<object?> Values => _properties.Values;

    /// <summary>The number of custom properties.</summary>
    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <summary>A custom property's value; <see langword="null"/> when the entity has no such property.</summary>
    /// <param name="key">The case-sensitive property name.</param>
    /// <exception cref="ArgumentException">The name is reserved or the value's type cannot be stored.</exception>
    public object? this[string key]
    {
        get => _properties.GetValueOrDefault(key);
        set => _properties[CheckedName(key, value)] = value;
    }

    /// <summary>Adds a custom property.</summary>
    /// <param name="key">The case-sensitive property name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The name is reserved or taken, or the value's type cannot be stored.</exception>
    public void Add(string key, object? value) => _properties.Add(CheckedName(key, value), value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    /// <summary>Removes every custom property; the keys, timestamp and ETag stay.</summary>
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string CheckedName(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
        {
            throw new ArgumentException($"'{key}' is a system property; set it through the entity's typed property instead.", nameof(key));
        }

        if (value is not (null or string or bool or int or long or double or DateTimeOffset or Guid or byte[] or BinaryData))
        {
            throw new ArgumentException(
                $"The property '{key}' is a {value.GetType().Name}; Table entities store string, bool, int, long, double, DateTimeOffset, Guid, byte[] or BinaryData.",
                nameof(value));
        }

        return key;
    }
}
