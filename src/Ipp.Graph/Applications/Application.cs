using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Images;

namespace Ipp.Graph.Applications;

/// <summary>
/// An application experiments can run (the contract's <c>Application</c>): an entry of the catalogue, or a container
/// image (<see cref="Image"/>, made by <see cref="ImageApplication.Of"/>) described the same way.
/// </summary>
/// <remarks>
/// The IPP catalogue lists the experiment's own name and description among an application's fields
/// (<see cref="CatalogNameField"/>, <see cref="CatalogDescriptionField"/>), while createExperiment takes them as its
/// <c>name</c> and <c>description</c>. So <see cref="Fields"/> holds the other fields only, exactly what
/// <c>parameters</c> and <c>files</c> accept, and <see cref="NameField"/>/<see cref="DescriptionField"/> describe the
/// two inputs with the catalogue's label, help and limits (and the database's length limits).
/// </remarks>
public sealed class Application
{
    /// <summary>The IPP catalogue's field that holds the experiment's name.</summary>
    public const string CatalogNameField = "experimentName";

    /// <summary>The IPP catalogue's field that holds the experiment's description.</summary>
    public const string CatalogDescriptionField = "experimentDescription";

    private readonly Dictionary<string, ApplicationField> _fieldsByName;

    /// <param name="key">The key experiments name the application by.</param>
    /// <param name="label">The application's name.</param>
    /// <param name="description">What the application does, in HTML; null when the catalogue gives none.</param>
    /// <param name="catalogFields">The catalogue's fields, in its order; their names must be distinct.</param>
    public Application(string key, string label, string? description, IReadOnlyList<ApplicationField> catalogFields)
    {
        Key = key;
        Label = label;
        Description = description;
        var fields = new List<ApplicationField>(catalogFields.Count);
        _fieldsByName = new Dictionary<string, ApplicationField>(catalogFields.Count, StringComparer.Ordinal);
        ApplicationField? nameField = null;
        ApplicationField? descriptionField = null;
        foreach (var field in catalogFields)
        {
            if (!_fieldsByName.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"Application '{key}' has two fields named '{field.Name}'.", nameof(catalogFields));
            }

            switch (field.Name)
            {
                case CatalogNameField:
                    nameField = field;
                    break;
                case CatalogDescriptionField:
                    descriptionField = field;
                    break;
                default:
                    fields.Add(field);
                    break;
            }
        }

        Fields = fields;
        HasCatalogNameField = nameField is not null;
        HasCatalogDescriptionField = descriptionField is not null;
        var group = catalogFields.Count > 0 ? catalogFields[0].Group : "Experiment";
        NameField = InputField(nameField, "name", "Name", group, Experiment.NameMaxLength) with { Required = true };
        DescriptionField = InputField(descriptionField, "description", "Description", group, Experiment.DescriptionMaxLength);
    }

    public string Key { get; }

    public string Label { get; }

    public string? Description { get; }

    /// <summary>The container image this application is; null for an entry of the catalogue.</summary>
    public ImageView? Image { get; init; }

    /// <summary>Whether the application is an entry of the catalogue or a container image.</summary>
    public ApplicationKind Kind => Image is null ? ApplicationKind.Catalogue : ApplicationKind.Image;

    /// <summary>How its experiments reach the cluster: catalogue entries through the folder contract, images through the token pool.</summary>
    public ApplicationRoute RunsThrough => Image is null ? ApplicationRoute.FolderContract : ApplicationRoute.TokenPool;

    /// <summary>The fields an experiment's parameters and files give, in the catalogue's order (groups in order, fields in order within each).</summary>
    public IReadOnlyList<ApplicationField> Fields { get; }

    /// <summary>How createExperiment's <c>name</c> is asked for and checked: always required.</summary>
    public ApplicationField NameField { get; }

    /// <summary>How createExperiment's <c>description</c> is asked for and checked.</summary>
    public ApplicationField DescriptionField { get; }

    /// <summary>True when the catalogue defines <see cref="CatalogNameField"/>: the backend then finds the name among the parameters of experiment.json.</summary>
    public bool HasCatalogNameField { get; }

    /// <summary>True when the catalogue defines <see cref="CatalogDescriptionField"/> (see <see cref="HasCatalogNameField"/>).</summary>
    public bool HasCatalogDescriptionField { get; }

    /// <summary>The catalogue's field with this name (the name and description fields included), or null.</summary>
    public ApplicationField? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>
    /// The field describing one of createExperiment's text inputs: the catalogue's, renamed after the input, at most
    /// as long as the database holds; without one, a plain optional text.
    /// </summary>
    private static ApplicationField InputField(ApplicationField? catalog, string input, string label, string group, int maxLength)
    {
        var field = catalog ?? new ApplicationField { Name = input, Type = ApplicationFieldType.String, Label = label, Group = group };
        return field with { Name = input, Max = Math.Min(field.Max ?? maxLength, maxLength) };
    }
}
