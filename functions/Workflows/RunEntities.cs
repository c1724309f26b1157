using System.Buffers;
using System.Text.Json;
using Azure.Data.Tables;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Workflows;

/// <summary>Maps a <see cref="WorkflowRun"/> to its table row and back: scalars as columns (filterable), the rest as JSON.</summary>
internal static class RunEntities
{
    // Table keys may not contain these; run ids are ours, but API callers pass ids in URLs.
    private static readonly SearchValues<char> ForbiddenKeyCharacters = SearchValues.Create("/\\#?'\t\n\r");

    public static bool IsValidKey(string? key)
        => !string.IsNullOrWhiteSpace(key) && key.Length <= 200 && key.AsSpan().IndexOfAny(ForbiddenKeyCharacters) < 0;

    public static TableEntity ToEntity(WorkflowRun run) => new(run.RunId, "run")
    {
        ["Kind"] = run.Kind,
        ["Status"] = WireName.Of(run.Status),
        ["Phase"] = run.Phase,
        ["Progress"] = JsonSerializer.Serialize(run.Progress),
        ["InitialCounters"] = JsonSerializer.Serialize(run.InitialCounters),
        ["Counters"] = JsonSerializer.Serialize(run.Counters),
        ["BatchCount"] = run.BatchCount,
        ["CompletedBatches"] = run.CompletedBatches,
        ["CustomStatus"] = run.CustomStatus,
        ["Configuration"] = run.Configuration,
        ["CreatedBy"] = run.CreatedBy,
        ["StartedAt"] = run.StartedAt,
        ["UpdatedAt"] = run.UpdatedAt,
        ["CompletedAt"] = run.CompletedAt,
        ["LastError"] = run.LastError,
        ["Errors"] = JsonSerializer.Serialize(run.Errors),
    };

    public static WorkflowRun ToRun(TableEntity entity) => new()
    {
        RunId = entity.PartitionKey,
        Kind = entity.GetString("Kind") ?? string.Empty,
        Status = WireName.TryParse<RunStatus>(entity.GetString("Status"), out var status) ? status : RunStatus.Pending,
        Phase = entity.GetString("Phase") ?? string.Empty,
        Progress = Json(entity, "Progress", RunProgress.None),
        InitialCounters = Json<Dictionary<string, long>>(entity, "InitialCounters", []),
        Counters = Json<Dictionary<string, long>>(entity, "Counters", []),
        BatchCount = entity.GetInt32("BatchCount"),
        CompletedBatches = entity.GetInt32("CompletedBatches") ?? 0,
        CustomStatus = entity.GetString("CustomStatus"),
        Configuration = entity.GetString("Configuration") ?? "{}",
        CreatedBy = entity.GetString("CreatedBy"),
        StartedAt = entity.GetDateTimeOffset("StartedAt") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
        LastError = entity.GetString("LastError"),
        Errors = Json<List<string>>(entity, "Errors", []),
        ETag = entity.ETag == default ? null : entity.ETag.ToString(),
    };

    private static T Json<T>(TableEntity entity, string key, T fallback)
        => entity.GetString(key) is { } json ? JsonSerializer.Deserialize<T>(json) ?? fallback : fallback;
}
