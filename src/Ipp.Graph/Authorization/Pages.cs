namespace Ipp.Graph.Authorization;

/// <summary>A page of the portal's frontend (the <c>Page</c> type): its path, its label, and the permission opening it needs.</summary>
public sealed record Page(string Href, string Label, Permission Needs);

/// <summary>
/// The frontend's pages and what each needs: the one source a page guard asks through <c>me { pages }</c> and
/// <c>me { canViewPage(href:) }</c>, as TrainMate's <c>viewable_pages</c> and <c>user_authorized</c> answered from
/// its role-to-pages map. A page needs the permission its main list needs, or the one administering it needs.
/// </summary>
public static class Pages
{
    /// <summary>Every page, in the order of the frontend's menu.</summary>
    public static IReadOnlyList<Page> All { get; } =
    [
        new("/app/experiments", "Experiments", Permission.ExperimentsRead),
        new("/app/files", "Files", Permission.FilesRead),
        new("/app/tasks", "Tasks", Permission.TasksRead),
        new("/app/images", "Images", Permission.ImagesManage),
        new("/app/users", "Users", Permission.UsersManage),
        new("/app/tags", "Tags", Permission.TagsManage),
    ];

    /// <summary>The pages a holder of <paramref name="permissions"/> may open, in menu order.</summary>
    public static Page[] Open(PermissionSet permissions) => [.. All.Where(page => permissions.Contains(page.Needs))];

    /// <summary>
    /// True when a holder of <paramref name="permissions"/> may open the page at <paramref name="href"/>: one of theirs,
    /// or a path below one (<c>/app/users/42</c>). Any other path is false, however it is spelled, and so is one with a
    /// <c>.</c> or <c>..</c> segment, which would name one page and lead to another.
    /// </summary>
    public static bool MayOpen(PermissionSet permissions, string href)
    {
        if (href.Split('/').Any(segment => segment is "." or ".."))
        {
            return false;
        }

        foreach (var page in All)
        {
            if (href.StartsWith(page.Href, StringComparison.Ordinal)
                && (href.Length == page.Href.Length || href[page.Href.Length] == '/'))
            {
                return permissions.Contains(page.Needs);
            }
        }

        return false;
    }
}
