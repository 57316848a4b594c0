using System.Linq.Expressions;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Images.Entities;

namespace Ipp.Graph.Images;

/// <summary>
/// The <c>images</c> list: filtered by <c>ContainerImageFilterInput</c> (names searched without regard to case,
/// through the compared name), sorted by <c>ContainerImageSortInput</c>, by name without <c>order</c>, pages sized by
/// <see cref="ImagesOptions"/>.
/// </summary>
internal static class ImagesList
{
    public static readonly ListDefinition<ContainerImage> Definition = new()
    {
        Name = "images",
        Filters = new Dictionary<string, ListFilterField<ContainerImage>>(StringComparer.Ordinal)
        {
            ["name"] = (filter, operations, depth) =>
                filter.Text(Property(nameof(ContainerImage.NormalizedName)), operations, depth, normalize: ImageNames.Normalize),
            ["path"] = (filter, operations, depth) => filter.Text(Property(nameof(ContainerImage.Path)), operations, depth),
            ["createdAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(ContainerImage.CreatedAt)), operations, depth),
            ["updatedAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(ContainerImage.UpdatedAt)), operations, depth),
        },
        SortKeys =
        [
            ListSortKey<ContainerImage>.Text("name", i => i.NormalizedName),
            ListSortKey<ContainerImage>.Instant("createdAt", i => i.CreatedAt),
            ListSortKey<ContainerImage>.Instant("updatedAt", i => i.UpdatedAt),
        ],
        Id = i => i.Id,
        DefaultOrder = ("name", false),
        PageSizes = ListPageSizes.Of<ImagesOptions>,
    };

    private static MemberExpression Property(string name) => ListFilter<ContainerImage>.Property(name);
}
