using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Images.Entities;

namespace Ipp.Graph.Images;

/// <summary>An image as the API shows it (the <c>ContainerImage</c> type).</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record ImageView(
    long Key, string Name, string Path, IReadOnlyList<ApplicationField> Parameters, IReadOnlyList<Role> Roles, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The global type name of images.</summary>
    public const string TypeName = "ContainerImage";

    /// <summary>The global id: <c>ContainerImage:key</c>.</summary>
    public string Id => GraphQL.GlobalId.Encode(TypeName, Key);

    /// <summary>The image's row (its <see cref="ContainerImage.Roles"/> loaded) as the API shows it.</summary>
    public static ImageView Of(ContainerImage image) =>
        new(
            image.Id,
            image.Name,
            image.Path,
            ImageParameters.FromJson(image.ParametersJson),
            RoleNames.ParseAll(image.Roles.Select(r => r.Role)),
            image.Version,
            new DateTimeOffset(image.CreatedAt),
            new DateTimeOffset(image.UpdatedAt));
}
