namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>A person's decision on a staged change.</summary>
/// <param name="Reviewer">Who decided (user or API key name).</param>
/// <param name="ReviewedAt">When.</param>
/// <param name="Notes">Approval notes or the rejection reason.</param>
public sealed record ReviewInfo(string Reviewer, DateTimeOffset ReviewedAt, string? Notes);
