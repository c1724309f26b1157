namespace CowansSync.Functions.Apis;

/// <summary>The answer of an approve or reject: <c>{success, message}</c>.</summary>
/// <param name="Success">Always <see langword="true"/>; failures answer with an error status.</param>
/// <param name="Message">What happened.</param>
public sealed record DecisionResult(bool Success, string Message);
