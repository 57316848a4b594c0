namespace Ipp.Graph.Experiments.Entities;

/// <summary>An experiment (table <c>experiments</c>): a run of an application its owner asked for.</summary>
public sealed class Experiment
{
    /// <summary>The longest application key or parameter name.</summary>
    public const int ApplicationKeyMaxLength = 128;

    /// <summary>The longest experiment name.</summary>
    public const int NameMaxLength = 200;

    /// <summary>The longest experiment description.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>The eid of the folder contract; never reused (SQLite's <c>AUTOINCREMENT</c>, PostgreSQL's identity).</summary>
    public long Id { get; set; }

    /// <summary>The owner: the uid of the folder contract.</summary>
    public long UserId { get; set; }

    /// <summary>The catalogue key of the application it runs.</summary>
    public required string ApplicationKey { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The parameters that are not files, as a JSON object.</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The status: the namespace its folder was last seen in.</summary>
    public ExperimentStatus Status { get; set; }

    /// <summary>When the status last changed (UTC).</summary>
    public DateTime StatusChangedAt { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The bytes it makes the server store (its files, experiment.json, the texts of its row and inputs), counted
    /// against the owner's quota (<see cref="Storage.UserStoredBytes"/>).
    /// </summary>
    public long StoredBytes { get; set; }

    /// <summary>
    /// Whether its owner is mailed when it completes or fails: null follows the owner's <see cref="Accounts.Entities.User.ExperimentMail"/>.
    /// </summary>
    public bool? MailWhenDone { get; set; }

    /// <summary>The files uploaded with it.</summary>
    public List<ExperimentInput> Inputs { get; set; } = [];

    /// <summary>
    /// The container image it runs, for an experiment on an image; null for a catalogue application, and once the
    /// image is deleted (<see cref="ImageSnapshotJson"/> keeps what ran).
    /// </summary>
    public long? ImageId { get; set; }

    /// <summary>
    /// The image as it was when the experiment was created or submitted (<see cref="Tokens.ImageSnapshot"/>: name, path,
    /// version, parameter definitions), as JSON; null for a catalogue application.
    /// </summary>
    public string? ImageSnapshotJson { get; set; }

    /// <summary>
    /// The catalogue entry as it was when the experiment was created, edited or submitted
    /// (<see cref="Snapshots.CatalogueSnapshot"/>: key, label, description, fields), as JSON; null for an image, and for
    /// an experiment created before the server kept it.
    /// </summary>
    public string? CatalogueSnapshotJson { get; set; }

    /// <summary>
    /// The id of its token in the PiCaS pool (<c>ipp-experiment-&lt;id&gt;</c>) when it runs through the pool (an
    /// experiment on an image, a draft too); null for the folder contract.
    /// </summary>
    public string? TokenId { get; set; }

    /// <summary>
    /// Where its token is: null for the folder contract, for a draft, and for a cancelled experiment whose token was withdrawn
    /// (withheld in the outbox or deleted from the pool); else queued in the server or in the pool.
    /// </summary>
    public ExperimentTokenState? TokenState { get; set; }

    /// <summary>
    /// The revision generation (the number before the dash of CouchDB's <c>_rev</c>) of the newest token state taken,
    /// so that an older state handed on late (by the reconciliation) changes nothing; null until one was seen.
    /// </summary>
    public int? TokenRevision { get; set; }

    /// <summary>The tags given at creation, which its outputs' library entry carries too.</summary>
    public List<ExperimentTag> Tags { get; set; } = [];
}
