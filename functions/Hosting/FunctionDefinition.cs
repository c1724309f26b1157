namespace CowansSync.Functions.Hosting;

/// <summary>One function of the Function App: a folder <c>&lt;Name&gt;/function.json</c> in the app root.</summary>
/// <param name="Name">The function's name (its folder); custom-handler invocations arrive as <c>POST /{Name}</c>.</param>
/// <param name="Trigger">What starts it.</param>
public sealed record FunctionDefinition(string Name, FunctionTrigger Trigger);
