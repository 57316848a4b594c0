using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups;
using Ipp.Graph.Images;

namespace Ipp.Graph.Applications;

/// <summary>
/// The applications as one caller sees them: the catalogue's entries (<see cref="ApplicationVisibility"/> decides),
/// then the container images they may use (<see cref="ImageVisibility"/> decides; <see cref="ImageApplication"/>).
/// Every field and mutation that takes or shows an application goes through it, so a hidden application answers
/// exactly as one that does not exist. A key names a catalogue entry when the catalogue has it, else an image when it
/// is an image's global id; the images are read only when a key or the whole list needs them.
/// </summary>
public sealed class VisibleApplications(
    ApplicationCatalog catalog,
    ApplicationCategories categories,
    ApplicationVisibility visibility,
    IReadOnlySet<string> callerGroups,
    Func<ValueTask<IReadOnlyList<Application>>> usableImages)
{
    /// <summary>What the request's caller sees, their groups read for this request (<see cref="CallerGroups"/>), their images once it needs them.</summary>
    public static async ValueTask<VisibleApplications> ForCallerAsync(ResolveContext context) =>
        new(
            context.Service<ApplicationCatalog>(),
            context.Service<ApplicationCategories>(),
            context.Service<ApplicationVisibility>(),
            await CallerGroups.OfCallerAsync(context),
            () => ImageApplication.UsableAsync(context));

    /// <summary>The applications the caller may see: the catalogue's in its order, then the images in theirs.</summary>
    public async ValueTask<IReadOnlyList<Application>> AllAsync() => [.. catalog.All.Where(MaySee), .. await usableImages()];

    /// <summary>The application of either kind with this key when the caller may see it; null when it is hidden or unknown.</summary>
    public async ValueTask<Application?> FindAsync(string key)
    {
        if (FindInCatalogue(key) is { } entry)
        {
            return entry;
        }

        if (!GlobalId.TryDecode(key, ImageView.TypeName, out _))
        {
            return null;
        }

        foreach (var image in await usableImages())
        {
            if (image.Key == key)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>
    /// The catalogue's application with this key when the caller may run it; else the error of an unknown one
    /// (<c>APPLICATION_UNKNOWN</c>). Catalogue entries only: experiments on images are created through <c>Images/</c>.
    /// </summary>
    public Application Runnable(string key) => FindInCatalogue(key) ?? throw new MutationException(new ApplicationUnknownError(key));

    /// <summary>The categories the caller may see, in the file's order, each with the applications the caller may see.</summary>
    public IReadOnlyList<CategoryView> Categories => [.. categories.All.Where(c => visibility.MaySee(c, callerGroups)).Select(View)];

    /// <summary>The categories of <paramref name="application"/> the caller may see (none for an image).</summary>
    public IReadOnlyList<CategoryView> CategoriesOf(Application application) =>
        [.. categories.Of(application.Key).Where(c => visibility.MaySee(c, callerGroups)).Select(View)];

    private Application? FindInCatalogue(string key) => catalog.Find(key) is { } application && MaySee(application) ? application : null;

    private bool MaySee(Application application) => visibility.MaySee(application, callerGroups);

    private CategoryView View(ApplicationCategory category) =>
        new(category.Key, category.Label, category.Description, [.. category.Applications.Where(MaySee)]);
}

/// <summary>A category as the caller sees it (the <c>Category</c> type): its applications the caller may see.</summary>
public sealed record CategoryView(string Key, string Label, string Description, IReadOnlyList<Application> Applications);
