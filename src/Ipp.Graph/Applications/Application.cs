namespace Ipp.Graph.Applications;

/// <summary>An application experiments can run, as the catalogue defines it (the contract's <c>Application</c>).</summary>
public sealed class Application
{
    private readonly Dictionary<string, ApplicationField> _fieldsByName;

    /// <param name="key">The key experiments name the application by.</param>
    /// <param name="label">The application's name.</param>
    /// <param name="description">What the application does, in HTML; null when the catalogue gives none.</param>
    /// <param name="fields">The parameters, in the catalogue's order; their names must be distinct.</param>
    public Application(string key, string label, string? description, IReadOnlyList<ApplicationField> fields)
    {
        Key = key;
        Label = label;
        Description = description;
        Fields = fields;
        _fieldsByName = new Dictionary<string, ApplicationField>(fields.Count, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!_fieldsByName.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"Application '{key}' has two fields named '{field.Name}'.", nameof(fields));
            }
        }
    }

    public string Key { get; }

    public string Label { get; }

    public string? Description { get; }

    /// <summary>The parameters, in the catalogue's order (groups in order, fields in order within each).</summary>
    public IReadOnlyList<ApplicationField> Fields { get; }

    /// <summary>The field with this name, or null.</summary>
    public ApplicationField? FindField(string name) => _fieldsByName.GetValueOrDefault(name);
}
