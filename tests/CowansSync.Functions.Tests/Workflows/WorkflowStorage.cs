using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Workflows;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary>Storage clients on the shared Azurite, and runs to test with.</summary>
internal static class WorkflowStorage
{
    public static async Task<StorageClients> ClientsAsync()
        => StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString);

    public static WorkflowRun NewRun(string phase = "validate", int? batchCount = null, string kind = "test_kind") => new()
    {
        RunId = AzuriteServer.UniqueName("run"),
        Kind = kind,
        Phase = phase,
        BatchCount = batchCount,
        StartedAt = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };
}
