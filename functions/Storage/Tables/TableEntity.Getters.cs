namespace CowansSync.Functions.Storage.Tables;

/// <summary>Typed reads of custom properties.</summary>
public sealed partial class TableEntity
{
    /// <summary>A string property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public string? GetString(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        string value => value,
        var other => throw WrongType(key, other, "string"),
    };

    /// <summary>A Boolean property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public bool? GetBoolean(string key) => Get<bool>(key);

    /// <summary>An Edm.Int32 property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public int? GetInt32(string key) => Get<int>(key);

    /// <summary>An Edm.Int64 property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type (an <see cref="int"/> is not widened).</exception>
    public long? GetInt64(string key) => Get<long>(key);

    /// <summary>An Edm.Double property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type (an <see cref="int"/> is not widened).</exception>
    public double? GetDouble(string key) => Get<double>(key);

    /// <summary>An Edm.DateTime property (UTC when read from the service).</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset>(key);

    /// <summary>An Edm.Guid property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public Guid? GetGuid(string key) => Get<Guid>(key);

    /// <summary>An Edm.Binary property, whether it was set as <c>byte[]</c> or <see cref="BinaryData"/>.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The bytes, or <see langword="null"/> when the entity has no such property.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public byte[]? GetBinary(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        byte[] value => value,
        BinaryData value => value.ToArray(),
        var other => throw WrongType(key, other, "binary"),
    };

    // Exact types only: quietly widening would hide a property written with the wrong type, which
    // then compares unequal in filters (Edm.Int32 5 is not Edm.Int64 5L).
    private T? Get<T>(string key)
        where T : struct => _properties.GetValueOrDefault(key) switch
        {
            null => null,
            T value => value,
            var other => throw WrongType(key, other, typeof(T).Name),
        };

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"The property '{key}' holds a {value.GetType().Name}, not a {wanted}.");
}
