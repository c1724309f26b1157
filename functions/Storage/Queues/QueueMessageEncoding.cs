namespace CowansSync.Functions.Storage.Queues;

/// <summary>How message text is put on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 bytes as base64: what the Azure Functions queue trigger expects by default.</summary>
    Base64,

    /// <summary>The text as it is (it must be valid in XML).</summary>
    None,
}
