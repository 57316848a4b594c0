using Ipp.Graph.Applications;

namespace Ipp.Graph.Authorization;

/// <summary>
/// Who may see and run which application, beside the <see cref="AccessPolicy"/>'s permissions: an application in a
/// category that names groups is restricted to the members of those groups, even when another of its categories
/// names none (the safe reading of "an application in such a category is visible to and runnable by their members
/// only"); a member of any group named by any of its restricted categories may. Every other application (in open
/// categories only, or in none) is open to everyone, anonymous callers included. A category naming groups is seen
/// by their members only. Roles give no way around it: an administrator who is no member sees what anyone does.
/// </summary>
public sealed class ApplicationVisibility
{
    /// <summary>The groups whose members may see each restricted application, by its key.</summary>
    private readonly Dictionary<string, HashSet<string>> _restricted = new(StringComparer.Ordinal);

    public ApplicationVisibility(ApplicationCategories categories)
    {
        foreach (var category in categories.All.Where(c => c.IsRestricted))
        {
            foreach (var application in category.Applications)
            {
                if (!_restricted.TryGetValue(application.Key, out var groups))
                {
                    _restricted[application.Key] = groups = new HashSet<string>(StringComparer.Ordinal);
                }

                groups.UnionWith(category.Groups);
            }
        }
    }

    /// <summary>True when a caller belonging to <paramref name="callerGroups"/> (compared names) may see and run the application.</summary>
    public bool MaySee(Application application, IReadOnlySet<string> callerGroups) =>
        !_restricted.TryGetValue(application.Key, out var groups) || groups.Overlaps(callerGroups);

    /// <summary>True when a caller belonging to <paramref name="callerGroups"/> may see the category.</summary>
    public bool MaySee(ApplicationCategory category, IReadOnlySet<string> callerGroups) =>
        !category.IsRestricted || category.Groups.Overlaps(callerGroups);
}
