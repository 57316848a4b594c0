namespace Ipp.Graph.Images.Entities;

/// <summary>
/// A container image tasks can run on the cluster (table <c>container_images</c>), TrainMate's images: a name, the
/// Sylabs/Apptainer path the cluster pulls it from, the parameters it takes and the roles that may use it.
/// </summary>
public sealed class ContainerImage
{
    /// <summary>The longest name the column holds; the setting <c>Images:MaxNameLength</c> may allow less.</summary>
    public const int NameColumnLength = 200;

    /// <summary>The longest path the column holds; the setting <c>Images:MaxPathLength</c> may allow less.</summary>
    public const int PathColumnLength = 1000;

    public long Id { get; set; }

    /// <summary>The name as it was written (trimmed): what the API shows.</summary>
    public required string Name { get; set; }

    /// <summary>The name in the form names are compared by (<see cref="Library.LibraryNames.Normalize"/>); unique.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>Where the cluster gets the image (<see cref="ImagePaths"/>): <c>docker://…</c>, <c>/…/x.sif</c>; unique.</summary>
    public required string Path { get; set; }

    /// <summary>The parameters the image takes: a JSON array of the catalogue's fields (<see cref="ImageParameters.ToJson"/>).</summary>
    public required string ParametersJson { get; set; }

    /// <summary>
    /// 1 when created, one more at every change, so what an experiment ran can be told from what the image became.
    /// </summary>
    public int Version { get; set; }

    /// <summary>When the image was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the image was last changed (UTC); its creation time until then.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The roles whose holders may use the image.</summary>
    public List<ContainerImageRole> Roles { get; set; } = [];
}
