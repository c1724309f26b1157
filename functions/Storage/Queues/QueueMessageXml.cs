using System.Globalization;
using System.Xml.Linq;

namespace CowansSync.Functions.Storage.Queues;

/// <summary>Reads the <c>QueueMessagesList</c> bodies of Put, Get and Peek Messages.</summary>
internal static class QueueMessageXml
{
    public static IEnumerable<WireMessage> Parse(BinaryData content) =>
        XDocument.Parse(content.ToString()).Root!.Elements("QueueMessage").Select(element => new WireMessage(
            element.Element("MessageId")!.Value,
            element.Element("PopReceipt")?.Value,
            long.Parse(element.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
            ParseTime(element.Element("InsertionTime")!.Value),
            ParseTime(element.Element("ExpirationTime")!.Value),
            element.Element("TimeNextVisible") is { } next ? ParseTime(next.Value) : null,
            element.Element("MessageText")?.Value ?? string.Empty));

    /// <summary>The service writes RFC 1123 times.</summary>
    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal sealed record WireMessage(
        string Id, string? PopReceipt, long DequeueCount, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, DateTimeOffset? TimeNextVisible, string Text);
}
