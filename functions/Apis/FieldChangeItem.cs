using System.Text.Json;
using System.Text.Json.Serialization;

namespace CowansSync.Functions.Apis;

/// <summary>One entry of a staged change's <c>field_changes</c>.</summary>
/// <param name="Old">The value before (JSON <c>null</c> when none).</param>
/// <param name="New">The value after (JSON <c>null</c> when removed).</param>
/// <param name="ChangePercent">For numbers with a non-zero old value; omitted otherwise.</param>
public sealed record FieldChangeItem(
    JsonElement Old,
    JsonElement New,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? ChangePercent);
