using CowansSync.Functions.Audit;

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>GET /api/sync/recent-activity</c>: the latest audit entries, newest first.</summary>
/// <param name="Items">The entries.</param>
public sealed record RecentActivity(IReadOnlyList<AuditEntry> Items)
{
    /// <summary>Always <see langword="true"/>: the seeds' clients read it.</summary>
    public bool Success { get; } = true;
}
