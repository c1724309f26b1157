namespace CowansSync.Functions.Auth;

/// <summary>
/// The API's roles, each allowed everything the ones before it are: viewer (reads) &lt; operator (starts syncs)
/// &lt; approver (approves, pushes, rolls back) &lt; admin (keys, rules, schedules, re-drive). Each is also the name
/// of the authorization policy that requires at least that role.
/// </summary>
public static class Roles
{
    /// <summary>Reads.</summary>
    public const string Viewer = "viewer";

    /// <summary>Starts syncs.</summary>
    public const string Operator = "operator";

    /// <summary>Approves, rejects, pushes, rolls back, resolves conflicts.</summary>
    public const string Approver = "approver";

    /// <summary>Manages keys, rules and schedules; re-drives poison messages.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Approver, Admin];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/> (exact, lower case).</summary>
    /// <param name="role">The candidate.</param>
    /// <returns><see langword="true"/> for a known role.</returns>
    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The roles that satisfy <paramref name="minimum"/>: it and every higher one.</summary>
    /// <param name="minimum">The lowest role allowed.</param>
    /// <returns>The allowed roles.</returns>
    public static string[] AtLeast(string minimum)
    {
        var index = All.ToList().IndexOf(minimum);
        return index < 0 ? throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "Unknown role.") : [.. All.Skip(index)];
    }

    /// <summary>The lowest of <paramref name="roles"/>, i.e. the role a policy that allows them requires.</summary>
    /// <param name="roles">Allowed roles.</param>
    /// <returns>The lowest known role among them, or <see langword="null"/>.</returns>
    public static string? Lowest(IEnumerable<string> roles) => All.FirstOrDefault(roles.Contains);
}
