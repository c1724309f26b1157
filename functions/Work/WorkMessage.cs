using System.Text.Json;

namespace CowansSync.Functions.Work;

/// <summary>A workflow step message from the <c>sync-work</c> queue: JSON with a <c>type</c> and usually a <c>run_id</c>.</summary>
/// <param name="Type">Selects the handler (<see cref="IWorkMessageHandler"/> registered under this key).</param>
/// <param name="RunId">The workflow run the step belongs to, when the message has one.</param>
/// <param name="Body">The whole message, for the handler to read its own fields from.</param>
/// <param name="MessageId">The storage message id, stable across redeliveries.</param>
/// <param name="DequeueCount">Which delivery this is (1 = first).</param>
public sealed record WorkMessage(string Type, string? RunId, JsonElement Body, string MessageId, long DequeueCount);
