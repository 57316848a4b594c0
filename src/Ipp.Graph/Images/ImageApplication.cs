using Ipp.Graph.Applications;

namespace Ipp.Graph.Images;

/// <summary>
/// An image as the catalogue's <see cref="Application"/>, so an experiment's parameters on an image are checked by
/// the one <see cref="ParameterValidator"/>: keyed by the image's global id, named after it, its parameters the
/// fields. The keys <c>experimentName</c>/<c>experimentDescription</c> are refused by <see cref="ImageParameters"/>,
/// so an experiment's name and description are always its own inputs.
/// </summary>
public static class ImageApplication
{
    public static Application Of(ImageView image) => new(image.Id, image.Name, description: null, image.Parameters);
}
