using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups;

namespace Ipp.Graph.Applications;

/// <summary>
/// The catalogue as one caller sees it (<see cref="ApplicationVisibility"/> decides): every field and mutation that
/// takes or shows an application goes through it, so a hidden application answers exactly as one the catalogue
/// lacks.
/// </summary>
public sealed class VisibleApplications(ApplicationCatalog catalog, ApplicationCategories categories, ApplicationVisibility visibility, IReadOnlySet<string> callerGroups)
{
    /// <summary>What the request's caller sees, their groups read for this request (<see cref="CallerGroups"/>).</summary>
    public static async ValueTask<VisibleApplications> ForCallerAsync(ResolveContext context) =>
        new(context.Service<ApplicationCatalog>(), context.Service<ApplicationCategories>(), context.Service<ApplicationVisibility>(), await CallerGroups.OfCallerAsync(context));

    /// <summary>The applications the caller may see, in the catalogue's order.</summary>
    public IReadOnlyList<Application> All => [.. catalog.All.Where(MaySee)];

    /// <summary>The application with this key when the caller may see it; null when it is hidden or unknown.</summary>
    public Application? Find(string key) => catalog.Find(key) is { } application && MaySee(application) ? application : null;

    /// <summary>The application with this key when the caller may run it; else the error of an unknown one (<c>APPLICATION_UNKNOWN</c>).</summary>
    public Application Runnable(string key) => Find(key) ?? throw new MutationException(new ApplicationUnknownError(key));

    /// <summary>The categories the caller may see, in the file's order, each with the applications the caller may see.</summary>
    public IReadOnlyList<CategoryView> Categories => [.. categories.All.Where(c => visibility.MaySee(c, callerGroups)).Select(View)];

    /// <summary>The categories of <paramref name="application"/> the caller may see.</summary>
    public IReadOnlyList<CategoryView> CategoriesOf(Application application) =>
        [.. categories.Of(application.Key).Where(c => visibility.MaySee(c, callerGroups)).Select(View)];

    private bool MaySee(Application application) => visibility.MaySee(application, callerGroups);

    private CategoryView View(ApplicationCategory category) =>
        new(category.Key, category.Label, category.Description, [.. category.Applications.Where(MaySee)]);
}

/// <summary>A category as the caller sees it (the <c>Category</c> type): its applications the caller may see.</summary>
public sealed record CategoryView(string Key, string Label, string Description, IReadOnlyList<Application> Applications);
