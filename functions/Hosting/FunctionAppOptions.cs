namespace CowansSync.Functions.Hosting;

/// <summary>Where the function definitions are (setting section <c>Functions</c>).</summary>
public sealed class FunctionAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Functions";

    /// <summary>
    /// The Functions app root: the folder holding <c>host.json</c> and the <c>&lt;Name&gt;/function.json</c> folders.
    /// Setting <c>Functions__AppRoot</c>.
    /// </summary>
    /// <value>The default value is the app's own folder, where build and publish put the definitions.</value>
    public string AppRoot { get; set; } = AppContext.BaseDirectory;
}
