namespace CowansSync.Testing;

/// <summary>Finds files of this repository from wherever a test or benchmark binary runs.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds <c>CowansSync.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CowansSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CowansSync.sln above {AppContext.BaseDirectory}.");
    }
}
