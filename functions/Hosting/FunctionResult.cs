namespace CowansSync.Functions.Hosting;

/// <summary>How one invocation ended.</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="InvocationId">The invocation.</param>
/// <param name="Duration">How long the handler ran.</param>
/// <param name="Error">Why it failed; <see langword="null"/> when it succeeded.</param>
public sealed record FunctionResult(string FunctionName, string InvocationId, TimeSpan Duration, Exception? Error)
{
    /// <summary>Whether the handler completed without throwing.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The line the Functions host itself writes for an invocation.</summary>
    public string Summary =>
        $"Executed '{FunctionName}' ({(Succeeded ? "Succeeded" : "Failed")}, Id={InvocationId}, Duration={Duration.TotalMilliseconds:F0}ms)";
}
